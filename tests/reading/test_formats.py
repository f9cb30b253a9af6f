"""Every paged format, on files made by real tools: found by its content, and every finding
placed on its page with a box over its words."""

from __future__ import annotations

from pathlib import Path

import pytest

from fontes.pipeline import analyze_file
from fontes.reading.formats import Format, read_any, sniff

DATA = Path(__file__).parents[1] / "data" / "formats"
PAGED = {
    Format.ALTO: DATA / "ocr" / "derwent.xml",
    Format.HOCR: DATA / "ocr" / "derwent.hocr",
    Format.PDF: DATA / "ocr" / "derwent.pdf",
    Format.PAGE: DATA / "page" / "dock-strike-opening.xml",
}


@pytest.mark.parametrize("form", list(PAGED), ids=str)
def test_each_format_is_found_by_its_content(form: Format, tmp_path: Path) -> None:
    renamed = tmp_path / "scan.dat"  # no extension to go by
    renamed.write_bytes(PAGED[form].read_bytes())
    assert sniff(renamed, renamed.read_bytes()[:8192]) is form
    assert read_any(renamed).source.format == form.value


@pytest.mark.parametrize("form", list(PAGED), ids=str)
def test_every_finding_and_record_has_its_page_and_a_box_over_its_words(form: Format) -> None:
    doc = analyze_file(PAGED[form])
    placed = [*doc.findings, *doc.mentions, *doc.times, *doc.citations]
    assert placed and (doc.findings or form is Format.PAGE)  # the PAGE page has no problem
    for record in placed:
        found = doc.source.box_of(record.start, record.end)
        assert found is not None, record
        page, box = found
        words = doc.source.words_in(record.start, record.end)
        for word in (w for w in words if w.page == page and w.box is not None):
            assert box.left <= word.box.left and box.top <= word.box.top
            assert box.right >= word.box.right and box.bottom >= word.box.bottom
        sheet = doc.source.pages[page - 1]
        assert sheet.width is not None and sheet.height is not None
        assert 0 <= box.left <= box.right <= sheet.width
        assert 0 <= box.top <= box.bottom <= sheet.height
