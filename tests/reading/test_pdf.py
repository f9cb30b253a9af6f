"""The PDF reader: a PDF written by a real writer reads as its plain-text equivalent does, with
a box for every word on its page, the PDF's page labels, and one-line errors for a PDF that
cannot be read (broken, encrypted, or a scan with no text layer)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from analysis import analysis_of

from fontes.pipeline import analyze, process
from fontes.reading.formats import read_any
from fontes.reading.pdf import read
from fontes.reading.source import InputError

ROOT = Path(__file__).parents[2]
PDFS = ROOT / "tests" / "data" / "formats" / "pdf"
# Chromium's print of one of our examples, one printed line per line of text (see README.md).
WRITTEN = PDFS / "salt-pans.pdf"
LAYOUT = PDFS / "layout.pdf"
# Tesseract's PDF (an invisible text layer over each page image), made by another script.
OCR = ROOT / "tests" / "data" / "formats" / "ocr"
TESSERACT = OCR / "derwent.pdf"
TESSERACT_TEXT = OCR / "derwent.txt"


def test_a_written_pdf_reads_as_its_plain_text() -> None:
    plain = (PDFS / "salt-pans.txt").read_text(encoding="utf-8")
    doc = read(WRITTEN)
    # The same lines, word for word, and the same lines indented (by as many letters as the
    # indent is wide in the PDF's type, not the plain text's spaces).
    assert [line.split() for line in doc.text.split("\n")] == [
        line.split() for line in plain.split("\n")
    ]
    assert _indented(doc.text) == _indented(plain)
    found, expected = analysis_of(process(doc)), analysis_of(analyze(plain))
    # Every page is numbered by the PDF's page labels; plain text has only its running heads
    # and feet to go by, and finds no number on the last page (a jump from 45 to 251).
    found_numbers, expected_numbers = _numbers(found), _numbers(expected)
    assert found_numbers == ["41", "42", "43", "44", "45", "251"]
    assert expected_numbers == [*found_numbers[:5], None]
    assert _numbers_aside(found) == _numbers_aside(expected)


def _indented(text: str) -> list[int]:
    return [index for index, line in enumerate(text.split("\n")) if line.startswith(" ")]


def _numbers(analysis: dict[str, list[Any]]) -> list[str | None]:
    return [dict(page)["number"] for page in analysis["pages"]]


def _numbers_aside(analysis: dict[str, list[Any]]) -> dict[str, list[Any]]:
    pages = [tuple(field for field in page if field[0] != "number") for page in analysis["pages"]]
    return {**analysis, "pages": pages}


def test_its_analysis_finds_something_to_compare() -> None:
    # The equality above means something only if the example's apparatus is found in both.
    doc = process(read(WRITTEN))
    assert doc.findings and doc.citations and len(doc.paragraphs) > 10
    # And the PDF finds what the example it was printed from finds: its bibliography, read
    # by the hanging indents, leaves no cited work unlisted that the example lists.
    example = analyze((ROOT / "examples" / "salt-pans-ocr-chicago.txt").read_text("utf-8"))
    assert [(f.rule, f.message) for f in doc.findings] == [
        (f.rule, f.message) for f in example.findings
    ]


needs_tesseract = pytest.mark.skipif(
    not TESSERACT.exists(), reason="no tesseract PDF in tests/data/formats/ocr"
)


def _tesseract_plain() -> str:
    # Tesseract separates its pages with a form feed; a paged source ends each with one.
    return TESSERACT_TEXT.read_text(encoding="utf-8").rstrip("\n") + "\n\f"


@needs_tesseract
def test_a_tesseract_pdf_has_the_lines_and_pages_of_its_plain_text() -> None:
    doc = read(TESSERACT)
    assert _printed_lines(doc.text) == _printed_lines(_tesseract_plain())


def _printed_lines(text: str) -> list[list[str]]:
    """Each page's lines, indents aside: the PDF's text is indented as the page shows its
    lines (a bibliography's hanging indent), tesseract's own text is not."""
    return [[line.strip() for line in page.split("\n") if line] for page in text.split("\f")]


@needs_tesseract
@pytest.mark.xfail(
    strict=True,
    reason="tesseract's plain text breaks paragraphs where its layout analysis ends a block "
    "(mid-paragraph, with no gap on the page); its PDF keeps those blocks only as BT/ET "
    "text objects, which PDFium's text layer does not give",
)
def test_a_tesseract_pdf_reads_as_its_plain_text() -> None:
    plain = _tesseract_plain()
    assert analysis_of(process(read(TESSERACT))) == analysis_of(analyze(plain))


@pytest.mark.parametrize("pdf", [WRITTEN, LAYOUT, TESSERACT], ids=lambda path: path.name)
def test_every_word_has_a_box_inside_its_page(pdf: Path) -> None:
    if not pdf.exists():
        pytest.skip(f"{pdf} is absent")
    doc = read(pdf)
    source = doc.source
    assert len(source.words) == len(doc.text.split())
    for word in source.words:
        page = source.pages[word.page - 1]
        assert page.start <= word.start < word.end <= page.end
        box = word.box
        assert box is not None and page.width is not None and page.height is not None
        assert 0 <= box.left < box.right <= page.width, doc.text[word.start : word.end]
        assert 0 <= box.top < box.bottom <= page.height, doc.text[word.start : word.end]


def test_words_of_a_line_lie_left_to_right_and_lines_top_to_bottom() -> None:
    source = read(WRITTEN).source
    line = source.lines[0]
    words = source.words_in(line.start, line.end)
    lefts = [word.box.left for word in words if word.box is not None]
    assert len(lefts) > 3 and lefts == sorted(lefts)
    tops = [line.box.top for line in source.lines if line.page == 1 and line.box is not None]
    assert tops == sorted(tops)


def test_pages_carry_the_pdfs_labels_and_size_in_points() -> None:
    pages = read(WRITTEN).source.pages
    assert [page.label for page in pages] == ["41", "42", "43", "44", "45", "251"]
    assert [page.index for page in pages] == [1, 2, 3, 4, 5, 6]
    # A4 is 595 x 842 points.
    assert all(round(page.width or 0) == 595 and round(page.height or 0) == 842 for page in pages)
    assert [page.label for page in read(LAYOUT).source.pages] == ["i", "1"]


def test_a_pdf_without_page_labels_has_none() -> None:
    if not TESSERACT.exists():
        pytest.skip(f"{TESSERACT} is absent")
    assert all(page.label is None for page in read(TESSERACT).source.pages)


def test_a_hyphen_at_a_line_end_is_kept_and_soft_hyphens_are_left_out() -> None:
    text = read(LAYOUT).text
    # PDFium marks a hyphen it would join to the next line; it prints as a hyphen.
    assert "ques-\ntioned" in text
    assert "\ufffe" not in text and "\x02" not in text
    # The words' soft hyphens (break opportunities that print nothing) are not in the text.
    assert "\u00ad" not in text and "incontrovertible" in text


def test_ligatures_read_as_their_letters() -> None:
    text = read(LAYOUT).text
    assert "office" in text and "flour" in text and "\ufb01" not in text and "\ufb03" not in text


def test_a_two_column_page_reads_one_column_after_the_other() -> None:
    doc = read(LAYOUT)
    second = doc.source.pages[1]
    page = doc.text[second.start : second.end]
    assert page.index("of the parish.") < page.index("Right column.")
    # The right column's first line starts a paragraph of its own, level with the left's.
    right = next(b for b in doc.source.blocks if doc.text[b.start :].startswith("Right column"))
    left = next(b for b in doc.source.blocks if doc.text[b.start :].startswith("Left column"))
    assert right.box is not None and left.box is not None
    assert abs(right.box.top - left.box.top) < 1 and right.box.left > left.box.right


def test_paragraph_gaps_make_blocks() -> None:
    doc = read(LAYOUT)
    first = doc.source.pages[0]
    blocks = [b for b in doc.source.blocks if b.page == first.index]
    assert [doc.text[b.start : b.end].split()[:2] for b in blocks] == [
        ["The", "first"],
        ["Its", "clerk,"],
        ["The", "incontrovertible"],
    ]


def test_a_pdf_with_text_on_some_pages_reads_those(tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.pdf"
    document = pdfium.PdfDocument.new()
    document.import_pages(pdfium.PdfDocument(PDFS / "scan.pdf"))
    document.import_pages(pdfium.PdfDocument(LAYOUT), [0])
    document.save(mixed)
    document.close()
    doc = read(mixed)
    blank, written = doc.source.pages
    assert doc.text[blank.start : blank.end] == "\f"
    assert doc.text[written.start :].startswith("The first office")
    assert all(word.page == 2 for word in doc.source.words)


def test_the_digest_is_the_files_and_the_file_is_untouched() -> None:
    data = WRITTEN.read_bytes()
    doc = read_any(WRITTEN)
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.source.format == "pdf" and doc.path == str(WRITTEN)
    assert WRITTEN.read_bytes() == data


def test_an_encrypted_pdf_that_opens_without_a_password_reads() -> None:
    assert read(PDFS / "restricted.pdf").text == read(LAYOUT).text


def _not_a_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "notes.pdf"
    path.write_text("Plain notes saved with the wrong name.\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("encrypted.pdf", "is encrypted; decrypt it first, e.g. `qpdf --decrypt"),
        ("truncated.pdf", "is a broken PDF (damaged or truncated)"),
        ("scan.pdf", "has no text layer (a scan without OCR); run an OCR tool first"),
        ("notes.pdf", "is not a PDF"),
    ],
)
def test_a_pdf_that_cannot_be_read_gives_one_line(tmp_path: Path, name: str, reason: str) -> None:
    path = _not_a_pdf(tmp_path) if name == "notes.pdf" else PDFS / name
    with pytest.raises(InputError) as error:
        read(path)
    message = str(error.value)
    assert message.startswith(f"{path}: {reason}") and "\n" not in message


@pytest.mark.parametrize("name", ["encrypted.pdf", "truncated.pdf", "scan.pdf", "notes.pdf"])
def test_the_cli_says_why_in_one_line_and_exits_2(tmp_path: Path, name: str) -> None:
    path = _not_a_pdf(tmp_path) if name == "notes.pdf" else PDFS / name
    done = subprocess.run(
        [sys.executable, "-m", "fontes", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and "Traceback" not in done.stderr


def test_a_text_layer_read_character_by_character_reads_the_same(monkeypatch) -> None:
    # Where PDFium's page text and its character count disagree, the reader reads the
    # characters one by one (where PDFium's hyphen mark is U+0002, not U+FFFE).
    expected = read(LAYOUT).text
    monkeypatch.setattr(pdfium.PdfTextPage, "get_text_range", lambda self: "")
    assert read(LAYOUT).text == expected
