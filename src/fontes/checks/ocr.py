"""OCR checks: words and names that digitisation has probably damaged."""

from __future__ import annotations

from collections.abc import Iterator
from typing import assert_never

from fontes.checks.registry import Problem, rule
from fontes.model import Category, Document, EntityKind, Garble, GarbleCause, Severity
from fontes.text.spelling import Difference, compare


@rule("OC001", "garbled-word", Category.OCR, Severity.WARNING)
def garbled_word(doc: Document) -> Iterator[Problem]:
    """A word that OCR has probably misread, with the word it most likely was.

    Why it matters: a garbled word hides from every search of the text, and a garbled date
    or office can change what a passage says; the correction is a proposal to check against
    the page image, never an automatic fix.

    Example: `Moscow State Ijniversity` (University), `Commissaar` (Commissar), `of,the`.

    Premise: OCR damage is evidence in a document, and the rule weighs it so. It fires only
    where the word is likelier a misreading than a word: a slip OCR makes (`rn` for `m`, `Ij`
    for `U`, a stray `~`) turning a common word into this one, against the chance that the
    word is real as printed (English, French, German... or a name or term the document
    repeats). A raw scan, full of stray marks, digits among letters and non-words, expects
    such slips; a clean transcription does not, and needs much stronger evidence (a mark only
    OCR leaves, `Ij`, or the right spelling used elsewhere in the document). Latin,
    archaic spellings (`meerly`, `apprized`) and the document's names are left alone. Each
    garble carries its `score`, how likely the word is damaged.
    """
    for garble in doc.garbles:
        yield Problem(
            garble.start,
            garble.end,
            f"'{doc.spoken(garble)}' looks like an OCR misreading of "
            f"'{garble.correction}' ({garble_reason(garble)})",
            f"read '{garble.correction}', after checking the page image",
            confidence=garble.score,
        )


def garble_reason(garble: Garble) -> str:
    """Which OCR slip the correction undoes (`Garble.cause`), in words, as OC001 reports it."""
    match garble.cause:
        case GarbleCause.COMMA_FOR_SPACE:
            return "a comma stands where a space belongs"
        case GarbleCause.STRAY_MARK:
            return f"stray '{garble.stray}' before the word"
        case GarbleCause.OCR_CONFUSION:
            return "letters that OCR confuses"
        case GarbleCause.ONE_LETTER:
            if garble.stray:
                return f"stray '{garble.stray}' and one letter misread"
            return "one letter misread"
        case unknown:
            assert_never(unknown)


@rule("OC002", "garbled-name", Category.OCR, Severity.WARNING)
def garbled_name(doc: Document) -> Iterator[Problem]:
    """A name spelled with letters OCR confuses (`in` for `m`, `rn` for `m`, `Ij` for `U`).

    Why it matters: the garbled form splits one person into two in any index or search, and
    may be taken for a different, unknown person.

    Example: `Ivan Marrovv` in a text that elsewhere names `Ivan Marrow`.
    """
    for entity in doc.entities:
        canonical = entity.surname if entity.kind is EntityKind.PERSON else entity.name
        for mention in entity.mentions:
            written = mention.surname or doc.spoken(mention)
            if compare(canonical, written) is Difference.OCR:
                yield Problem(
                    mention.start,
                    mention.end,
                    f"'{written}' looks like an OCR garble of '{canonical}' ({entity.name})",
                    f"read '{canonical}'",
                )
