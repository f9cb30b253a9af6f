"""fontes: reads the scholarly apparatus of historical documents and lints it like code."""

from fontes.model import Document, Finding
from fontes.pipeline import analyze, analyze_file
from fontes.reading import InputError
from fontes.version import __version__

__all__ = ["Document", "Finding", "InputError", "__version__", "analyze", "analyze_file"]
