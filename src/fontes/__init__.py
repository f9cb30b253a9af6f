"""fontes: reads the scholarly apparatus of historical documents and lints it like code."""

from fontes.export.dossier import Dossier, load_dossier
from fontes.model import Document, Finding
from fontes.pipeline import analyze, analyze_file
from fontes.reading import InputError
from fontes.runner import Result, pipe
from fontes.settings import Settings
from fontes.version import __version__

__all__ = [
    "Document",
    "Dossier",
    "Finding",
    "InputError",
    "Result",
    "Settings",
    "__version__",
    "analyze",
    "analyze_file",
    "load_dossier",
    "pipe",
]
