"""Reading: from bytes on disk to a `Document`, and its paragraphs."""

from fontes.reading.layout import find_paragraphs, is_hard_wrapped
from fontes.reading.source import InputError, read_document

__all__ = ["InputError", "find_paragraphs", "is_hard_wrapped", "read_document"]
