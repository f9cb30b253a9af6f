"""PAGE XML: one page, its regions in the declared reading order, lines and words with their
boxes and confidence, read as the plain text an OCR engine would give for the page."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from analysis import analysis_of

from fontes.model import Box
from fontes.pipeline import analyze, process
from fontes.reading.formats import read_any
from fontes.reading.page_xml import read
from fontes.reading.source import InputError

DATA = Path(__file__).parents[1] / "data" / "formats" / "page"
NS_2019 = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"
NS_2013 = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15"


def page_xml(body: str, namespace: str = NS_2019, page: str = "") -> str:
    attributes = page or 'imageFilename="scan-0007.tif" imageWidth="1200" imageHeight="1800"'
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<PcGts xmlns="{namespace}">'
        f"<Metadata><Creator>test</Creator></Metadata>"
        f"<Page {attributes}>{body}</Page></PcGts>"
    )


def region(identifier: str, *lines: str, points: str = "0,0 10,0 10,10 0,10") -> str:
    return f'<TextRegion id="{identifier}"><Coords points="{points}"/>{"".join(lines)}</TextRegion>'


def line(text: str, points: str = "10,20 400,20 400,60 10,60", words: str = "") -> str:
    return (
        f'<TextLine><Coords points="{points}"/>{words}'
        f"<TextEquiv><Unicode>{text}</Unicode></TextEquiv></TextLine>"
    )


def word(text: str, points: str, conf: str | None = None) -> str:
    confidence = f' conf="{conf}"' if conf is not None else ""
    return (
        f'<Word><Coords points="{points}"/>'
        f"<TextEquiv{confidence}><Unicode>{text}</Unicode></TextEquiv></Word>"
    )


def write(tmp_path: Path, xml: str, name: str = "page.xml") -> Path:
    path = tmp_path / name
    path.write_text(xml, encoding="utf-8")
    return path


def test_ocr_output_reads_as_the_engines_plain_text() -> None:
    """ocrd-tesserocr's PAGE for a typeset page of an example, against tesseract's own text
    for the same image: the same records and findings."""
    doc = read(DATA / "dock-strike-opening.xml")
    plain = (DATA / "dock-strike-opening.txt").read_text(encoding="utf-8")
    assert doc.text == plain
    assert analysis_of(process(doc)) == analysis_of(analyze(plain))


def test_ocr_output_gives_the_page_and_each_words_box_and_confidence() -> None:
    path = DATA / "dock-strike-opening.xml"
    doc = read(path)
    source = doc.source
    assert source.format == "page"
    assert [(p.width, p.height, p.image) for p in source.pages] == [(2479, 3508, "opening.png")]
    assert len(source.blocks) == 3 and len(source.words) == len(doc.text.split())
    assert all(w.box is not None and w.confidence is not None for w in source.words)
    assert all(0 < w.confidence <= 1 for w in source.words if w.confidence is not None)
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert source.folder == str(DATA)
    # The hyphen the typesetter put at a line's end is kept there, as in the plain text.
    assert "morn-\ning" in doc.text


def test_a_words_box_is_the_bounding_box_of_its_polygon(tmp_path: Path) -> None:
    words = word("Harbour", "12,30 90,28 95,61 10,58", conf="0.91") + word(
        "dues", "100,31 150,29 150,60", conf="0.47"
    )
    doc = read(write(tmp_path, page_xml(region("r1", line("Harbour dues", words=words)))))
    assert doc.text == "Harbour dues\n\f"
    first, second = doc.source.words
    assert first.box == Box(10, 28, 95, 61) and first.confidence == 0.91
    assert second.box == Box(100, 29, 150, 60) and second.confidence == 0.47
    assert doc.source.lines[0].box == Box(10, 20, 400, 60)
    page = doc.source.pages[0]
    assert (page.width, page.height, page.image) == (1200, 1800, "scan-0007.tif")


def test_a_line_without_words_is_split_into_words_that_share_its_box(tmp_path: Path) -> None:
    doc = read(write(tmp_path, page_xml(region("r1", line("Wages  rose\tin May")))))
    assert doc.text == "Wages rose in May\n\f"
    assert [doc.text[w.start : w.end] for w in doc.source.words] == ["Wages", "rose", "in", "May"]
    assert {w.box for w in doc.source.words} == {Box(10, 20, 400, 60)}


def test_a_region_with_text_but_no_lines_gives_one_line_per_line(tmp_path: Path) -> None:
    body = (
        '<TextRegion id="r1"><Coords points="5,5 300,5 300,90 5,90"/>'
        "<TextEquiv><Unicode>The quay dues\nwere doubled.</Unicode></TextEquiv></TextRegion>"
    )
    doc = read(write(tmp_path, page_xml(body)))
    assert doc.text == "The quay dues\nwere doubled.\n\f"
    assert len(doc.source.lines) == 2


def test_lines_segmented_but_not_transcribed_give_way_to_the_regions_text(
    tmp_path: Path,
) -> None:
    body = (
        '<TextRegion id="r1"><Coords points="5,5 300,5 300,40 5,40"/>'
        '<TextLine><Coords points="5,5 300,5 300,40 5,40"/><TextEquiv><Unicode/></TextEquiv>'
        "</TextLine><TextEquiv><Unicode>The Quay Dues</Unicode></TextEquiv></TextRegion>"
    )
    doc = read(write(tmp_path, page_xml(body)))
    assert doc.text == "The Quay Dues\n\f"
    assert doc.source.lines[0].box == Box(5, 5, 300, 40)


def test_regions_follow_the_declared_reading_order(tmp_path: Path) -> None:
    order = (
        "<ReadingOrder><OrderedGroup id='g'>"
        "<RegionRefIndexed index='2' regionRef='first-in-file'/>"
        "<RegionRefIndexed index='0' regionRef='heading'/>"
        "<UnorderedGroupIndexed id='u' index='1'><RegionRef regionRef='middle'/>"
        "</UnorderedGroupIndexed></OrderedGroup></ReadingOrder>"
    )
    body = order + "".join(
        region(name, line(text))
        for name, text in (
            ("first-in-file", "Last paragraph."),
            ("middle", "Middle paragraph."),
            ("heading", "The Heading"),
        )
    )
    doc = read(write(tmp_path, page_xml(body)))
    assert doc.text == "The Heading\n\nMiddle paragraph.\n\nLast paragraph.\n\f"


def test_without_a_reading_order_regions_are_read_as_the_file_gives_them(tmp_path: Path) -> None:
    body = region("b", line("One.")) + region("a", line("Two."))
    assert read(write(tmp_path, page_xml(body))).text == "One.\n\nTwo.\n\f"
    unnamed = body.replace(' id="b"', "").replace(' id="a"', "")  # ids are required, but
    assert read(write(tmp_path, page_xml(unnamed))).text == "One.\n\nTwo.\n\f"


def test_a_region_the_order_leaves_out_is_still_read_after_the_others(tmp_path: Path) -> None:
    order = "<ReadingOrder><OrderedGroup id='g'><RegionRefIndexed index='0' regionRef='b'/>"
    order += "</OrderedGroup></ReadingOrder>"
    body = order + region("a", line("Margin note.")) + region("b", line("Body text."))
    assert read(write(tmp_path, page_xml(body))).text == "Body text.\n\nMargin note.\n\f"


def test_nested_regions_are_blocks_of_their_own(tmp_path: Path) -> None:
    inner = region("inner", line("Inner text."))
    outer = f'<TextRegion id="outer"><Coords points="0,0 9,0 9,9"/>{line("Outer text.")}{inner}'
    outer += "<TextEquiv><Unicode>Outer text. Inner text.</Unicode></TextEquiv></TextRegion>"
    doc = read(write(tmp_path, page_xml(outer)))
    assert doc.text == "Outer text.\n\nInner text.\n\f"
    assert len(doc.source.blocks) == 2


def test_the_text_equiv_with_the_lowest_index_is_read(tmp_path: Path) -> None:
    alternatives = (
        '<Word><Coords points="0,0 5,5"/>'
        '<TextEquiv index="2" conf="0.2"><Unicode>Hanbour</Unicode></TextEquiv>'
        '<TextEquiv index="1" conf="0.8"><Unicode>Harbour</Unicode></TextEquiv></Word>'
    )
    body = region("r", f'<TextLine><Coords points="0,0 5,5"/>{alternatives}</TextLine>')
    doc = read(write(tmp_path, page_xml(body)))
    assert doc.text == "Harbour\n\f" and doc.source.words[0].confidence == 0.8


def test_words_the_line_prints_together_are_one_word(tmp_path: Path) -> None:
    words = word("Harbour", "0,0 50,20", "0.9") + word(".", "50,0 55,20", "0.6")
    doc = read(write(tmp_path, page_xml(region("r", line("Harbour.", words=words)))))
    assert doc.text == "Harbour.\n\f"
    (joined,) = doc.source.words
    assert joined.box == Box(0, 0, 55, 20) and joined.confidence == 0.6


@pytest.mark.parametrize("hyphen", ["-", "¬", "\u00ad", "⸗"])
def test_a_hyphen_at_a_lines_end_is_kept_as_a_hyphen(tmp_path: Path, hyphen: str) -> None:
    lines = line(f"the har{hyphen}") + line("bour dues")
    doc = read(write(tmp_path, page_xml(region("r", lines))))
    assert doc.text == "the har-\nbour dues\n\f"
    plain = analysis_of(analyze("the har-\nbour dues\n\f"))
    assert analysis_of(process(doc)) == plain


def test_page_2013_is_read_as_2019_is(tmp_path: Path) -> None:
    body = region("r", line("An older file."))
    older = read(write(tmp_path, page_xml(body, NS_2013), "2013.xml"))
    newer = read(write(tmp_path, page_xml(body, NS_2019), "2019.xml"))
    assert older.text == newer.text == "An older file.\n\f"
    assert read_any(tmp_path / "2013.xml").source.format == "page"


def test_the_2010_formats_points_give_the_box(tmp_path: Path) -> None:
    points = '<Coords><Point x="12" y="30"/><Point x="95" y="28"/><Point x="90" y="61"/></Coords>'
    body = region(
        "r", f"<TextLine>{points}<TextEquiv><Unicode>Older</Unicode></TextEquiv></TextLine>"
    )
    older = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2010-03-19"
    doc = read(write(tmp_path, page_xml(body, older)))
    assert doc.source.words[0].box == Box(12, 28, 95, 61)


def test_a_page_number_region_gives_the_pages_label(tmp_path: Path) -> None:
    number = region("n", line("87")).replace('id="n"', 'id="n" type="page-number"')
    doc = read(write(tmp_path, page_xml(region("r", line("Body.")) + number)))
    assert doc.source.pages[0].label == "87"
    assert doc.text == "Body.\n\n87\n\f"


@pytest.mark.parametrize(
    ("xml", "reason"),
    [
        (page_xml(region("r", line("broken"))).replace("</Page>", ""), "not well-formed PAGE"),
        ('<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"/>', "not PAGE"),
        (f'<PcGts xmlns="{NS_2019}"><Metadata/></PcGts>', "no Page element"),
    ],
)
def test_what_is_not_page_is_a_one_line_error(tmp_path: Path, xml: str, reason: str) -> None:
    path = write(tmp_path, xml)
    with pytest.raises(InputError, match=reason) as raised:
        read(path)
    assert "\n" not in str(raised.value)
