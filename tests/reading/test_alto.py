"""ALTO v1-v4: pages, text blocks in reading order, lines and strings with their boxes and
confidence, read as the plain text the OCR engine gives for the same pages."""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

import pytest
from analysis import analysis_of

from fontes.model import Box
from fontes.pipeline import analyze, process
from fontes.reading.alto import read
from fontes.reading.formats import read_any
from fontes.reading.source import InputError
from images import png

DATA = Path(__file__).parents[1] / "data" / "formats" / "ocr"
V2 = "http://www.loc.gov/standards/alto/ns-v2#"
V3 = "http://www.loc.gov/standards/alto/ns-v3#"
V4 = "http://www.loc.gov/standards/alto/ns-v4#"
CCS = "http://schema.ccs-gmbh.com/ALTO"


def alto(
    layout: str,
    namespace: str | None = V4,
    unit: str = "pixel",
    image: str | None = "scan-0012.png",
    before_layout: str = "",
) -> str:
    xmlns = f' xmlns="{namespace}"' if namespace else ""
    source = (
        f"<sourceImageInformation><fileName>{image}</fileName></sourceImageInformation>"
        if image
        else ""
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<alto{xmlns}><Description>'
        f"<MeasurementUnit>{unit}</MeasurementUnit>{source}</Description>"
        f"{before_layout}<Layout>{layout}</Layout></alto>"
    )


def page(*areas: str, attributes: str = 'WIDTH="1200" HEIGHT="1800" PHYSICAL_IMG_NR="1"') -> str:
    return f'<Page ID="p1" {attributes}>{"".join(areas)}</Page>'


def space(*blocks: str, area: str = "PrintSpace") -> str:
    return f"<{area}>{''.join(blocks)}</{area}>"


def block(identifier: str, *lines: str, extra: str = "") -> str:
    box = 'HPOS="10" VPOS="10" WIDTH="500" HEIGHT="90"'
    return f'<TextBlock ID="{identifier}" {box}{extra}>{"".join(lines)}</TextBlock>'


def line(*strings: str) -> str:
    return (
        f'<TextLine HPOS="10" VPOS="10" WIDTH="500" HEIGHT="30">{"<SP/>".join(strings)}</TextLine>'
    )


def string(content: str, box: str = "10 10 50 30", wc: str | None = "0.9") -> str:
    hpos, vpos, width, height = box.split()
    confidence = f' WC="{wc}"' if wc is not None else ""
    return (
        f'<String CONTENT="{content}" HPOS="{hpos}" VPOS="{vpos}" WIDTH="{width}" '
        f'HEIGHT="{height}"{confidence}/>'
    )


def write(tmp_path: Path, text: str, name: str = "page.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def one_page(tmp_path: Path, *blocks: str, image: str | None = "scan-0012.png") -> Path:
    return write(tmp_path, alto(page(space(*blocks)), image=image))


def test_tesseracts_alto_reads_as_its_plain_text() -> None:
    """One tesseract run over two pages gave the ALTO and the text: the same records and
    findings. tesseract writes a form feed between pages; the reader ends each page with one,
    as pdftotext does, and a form feed at the end is no page break."""
    doc = read(DATA / "derwent.xml")
    plain = (DATA / "derwent.txt").read_text(encoding="utf-8")
    assert doc.text == plain + "\f"
    analysis = analysis_of(process(doc))
    assert analysis == analysis_of(analyze(plain))
    assert analysis["citations"] and analysis["works"] and analysis["findings"]


def test_tesseracts_alto_gives_pages_and_each_words_box_and_confidence() -> None:
    path = DATA / "derwent.xml"
    doc = read(path)
    source = doc.source
    assert source.format == "alto"
    # tesseract's ALTO names the first image of its run only.
    assert [(p.index, p.label, p.width, p.height, p.image) for p in source.pages] == [
        (1, None, 1240, 1754, "page1.png"),
        (2, None, 1240, 1754, None),
    ]
    assert len(source.words) == len(doc.text.split())
    assert all(w.box is not None and w.confidence is not None for w in source.words)
    assert all(0 < w.confidence <= 1 for w in source.words if w.confidence is not None)
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert source.folder == str(DATA)
    assert doc.source.missing_images() == []
    assert read_any(path).text == doc.text


def test_the_same_words_and_boxes_in_every_version(tmp_path: Path) -> None:
    xml = page(space(block("b1", line(string("Harbour", "12 30 83 31", "0.91"), string("dues")))))
    read_back = []
    for namespace in (V2, V3, V4, CCS, None):
        doc = read(write(tmp_path, alto(xml, namespace=namespace)))
        words = [(doc.text[w.start : w.end], w.box, w.confidence) for w in doc.source.words]
        read_back.append((doc.text, words))
    assert read_back[0] == (
        "Harbour dues\n\f",
        [("Harbour", Box(12, 30, 95, 61), 0.91), ("dues", Box(10, 10, 60, 40), 0.9)],
    )
    assert all(found == read_back[0] for found in read_back)


def test_a_string_without_wc_has_no_confidence(tmp_path: Path) -> None:
    doc = read(one_page(tmp_path, block("b1", line(string("Quay", wc=None)))))
    assert doc.source.words[0].confidence is None


def test_hyp_puts_a_hyphen_at_the_line_end(tmp_path: Path) -> None:
    hyphen = '<HYP CONTENT="\u00ac" HPOS="60" VPOS="10" WIDTH="8" HEIGHT="30"/>'
    first = line(string("the"), string("imme", "30 10 30 30")).replace(
        "</TextLine>", hyphen + "</TextLine>"
    )
    doc = read(one_page(tmp_path, block("b1", first, line(string("diately")))))
    assert doc.text == "the imme-\ndiately\n\f"
    assert doc.source.words[1].box == Box(30, 10, 68, 40)


def test_lines_and_blocks_as_plain_text_lays_them_out(tmp_path: Path) -> None:
    doc = read(
        one_page(
            tmp_path,
            block("b1", line(string("Wages"), string("rose.")), line(string("Rents"))),
            block("b2", line(string("Tolls"))),
        )
    )
    assert doc.text == "Wages rose.\nRents\n\nTolls\n\f"
    assert [b.box for b in doc.source.blocks] == [Box(10, 10, 510, 100)] * 2


def test_strings_with_no_space_between_them_are_one_word(tmp_path: Path) -> None:
    spaced = (
        '<TextLine><String CONTENT="Mon" HPOS="10" VPOS="10" WIDTH="30" HEIGHT="20" WC="0.9"/>'
        '<String CONTENT="day" HPOS="40" VPOS="12" WIDTH="30" HEIGHT="20" WC="0.4"/><SP/>'
        '<String CONTENT="last" HPOS="80" VPOS="10" WIDTH="30" HEIGHT="20"/></TextLine>'
    )
    unspaced = spaced.replace("<SP/>", "")
    doc = read(one_page(tmp_path, block("b1", spaced), block("b2", unspaced)))
    assert doc.text == "Monday last\n\nMon day last\n\f"
    monday = doc.source.words[0]
    assert (monday.box, monday.confidence) == (Box(10, 10, 70, 32), 0.4)


def test_a_string_holding_several_words_gives_each_its_box(tmp_path: Path) -> None:
    doc = read(one_page(tmp_path, block("b1", line(string("Quay  Street")))))
    assert doc.text == "Quay Street\n\f"
    assert [w.box for w in doc.source.words] == [Box(10, 10, 60, 40)] * 2


def test_the_printed_page_number_is_the_pages_label(tmp_path: Path) -> None:
    attributes = 'WIDTH="1200" HEIGHT="1800" PHYSICAL_IMG_NR="9" PRINTED_IMG_NR="xiv"'
    xml = alto(page(space(block("b1", line(string("Preface")))), attributes=attributes))
    assert read(write(tmp_path, xml)).source.pages[0].label == "xiv"


def test_several_pages_and_only_the_first_has_the_named_image(tmp_path: Path) -> None:
    first = page(space(block("b1", line(string("one")))))
    second = page(space(block("b2", line(string("two")))), attributes='PHYSICAL_IMG_NR="2"')
    doc = read(write(tmp_path, alto(first + second)))
    assert doc.text == "one\n\ftwo\n\f"
    assert [(p.index, p.width, p.image) for p in doc.source.pages] == [
        (1, 1200, "scan-0012.png"),
        (2, None, None),
    ]


def test_margins_are_read_around_the_print_space(tmp_path: Path) -> None:
    """The schema puts the bottom margin before the print space in the file."""
    areas = (
        space(block("head", line(string("HISTORY"))), area="TopMargin"),
        space(block("foot", line(string("12"))), area="BottomMargin"),
        space(block("body", line(string("Text"))), area="PrintSpace"),
    )
    doc = read(write(tmp_path, alto(page(*areas))))
    assert doc.text == "HISTORY\n\nText\n\n12\n\f"


def test_blocks_outside_the_pages_areas_are_read_after_them(tmp_path: Path) -> None:
    layout = page(block("loose", line(string("Loose"))), space(block("b", line(string("Body")))))
    doc = read(write(tmp_path, alto(layout)))
    assert doc.text == "Body\n\nLoose\n\f"


def test_a_declared_reading_order_is_followed(tmp_path: Path) -> None:
    order = (
        '<ReadingOrder><OrderedGroup ID="g1"><ElementRef ID="r1" REF="heading"/>'
        '<UnorderedGroup ID="g2"><ElementRef ID="r2" REF="columns"/></UnorderedGroup>'
        "</OrderedGroup></ReadingOrder>"
    )
    composed = (
        '<ComposedBlock ID="columns">'
        + block("left", line(string("Left")))
        + block("right", line(string("Right")))
        + "</ComposedBlock>"
    )
    blocks = (
        block("unlisted", line(string("Stamp"))),
        composed,
        block("heading", line(string("Title"))),
    )
    doc = read(write(tmp_path, alto(page(space(*blocks)), before_layout=order)))
    assert doc.text == "Title\n\nLeft\n\nRight\n\nStamp\n\f"


def test_idnext_chains_the_blocks(tmp_path: Path) -> None:
    blocks = (
        block("c", line(string("third"))),
        block("a", line(string("first")), extra=' IDNEXT="b"'),
        block("b", line(string("second")), extra=' IDNEXT="c"'),
    )
    doc = read(one_page(tmp_path, *blocks))
    assert doc.text == "first\n\nsecond\n\nthird\n\f"


@pytest.mark.parametrize("unit", ["mm10", "inch1200"])
def test_physical_units_become_pixels_of_the_page_image(tmp_path: Path, unit: str) -> None:
    """A page 2000 units wide whose image is 500 pixels wide: a quarter pixel per unit."""
    (tmp_path / "scan.png").write_bytes(png(500, 700))
    attributes = 'WIDTH="2000" HEIGHT="2800" PHYSICAL_IMG_NR="1"'
    xml = alto(
        page(space(block("b1", line(string("Dues", "400 800 200 100")))), attributes=attributes),
        unit=unit,
        image="scan.png",
    )
    doc = read(write(tmp_path, xml))
    assert doc.source.words[0].box == Box(100, 200, 150, 225)
    assert (doc.source.pages[0].width, doc.source.pages[0].height) == (500, 700)


def test_a_file_that_names_no_unit_is_in_tenths_of_a_millimetre(tmp_path: Path) -> None:
    (tmp_path / "scan.png").write_bytes(png(500, 700))
    attributes = 'WIDTH="2000" HEIGHT="2800" PHYSICAL_IMG_NR="1"'
    xml = alto(
        page(space(block("b1", line(string("Dues", "400 800 200 100")))), attributes=attributes),
        image="scan.png",
    ).replace("<MeasurementUnit>pixel</MeasurementUnit>", "")
    assert read(write(tmp_path, xml)).source.words[0].box == Box(100, 200, 150, 225)


def test_physical_units_are_kept_without_the_page_image(tmp_path: Path) -> None:
    attributes = 'WIDTH="2000" HEIGHT="2800" PHYSICAL_IMG_NR="1"'
    xml = alto(
        page(space(block("b1", line(string("Dues", "400 800 200 100")))), attributes=attributes),
        unit="mm10",
        image="absent.tif",
    )
    doc = read(write(tmp_path, xml))
    assert doc.source.words[0].box == Box(400, 800, 600, 900)
    assert doc.source.missing_images() == ["absent.tif"]


@pytest.mark.parametrize(
    ("name", "header"),
    [
        (
            "scan.jpg",
            b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
            + b"\xff\xc0\x00\x11\x08"
            + struct.pack(">HH", 700, 500)
            + b"\x03" * 10,
        ),
        (
            "scan.tif",
            b"II*\x00"
            + struct.pack("<I", 8)
            + struct.pack("<H", 2)
            + struct.pack("<HHII", 257, 3, 1, 700)
            + struct.pack("<HHIHH", 256, 3, 1, 500, 0)
            + b"\x00" * 4,
        ),
        (
            "scan.jp2",
            b"\x00\x00\x00\x0cjP  \r\n\x87\n\x00\x00\x00\x2djp2h\x00\x00\x00\x16ihdr"
            + struct.pack(">II", 700, 500)
            + b"\x00" * 6,
        ),
    ],
)
def test_the_image_width_is_read_from_jpeg_tiff_and_jpeg_2000(
    tmp_path: Path, name: str, header: bytes
) -> None:
    (tmp_path / name).write_bytes(header)
    xml = alto(
        page(space(block("b1", line(string("Dues", "400 800 200 100"))))).replace("1200", "2000"),
        unit="inch1200",
        image=name,
    )
    assert read(write(tmp_path, xml)).source.words[0].box == Box(100, 200, 150, 225)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (alto(page(space(block("b1", line(string("cut"))))))[:-30], "not well-formed ALTO XML"),
        ("", "not well-formed ALTO XML at line 1"),
        ('<PcGts xmlns="http://schema.primaresearch.org/PAGE"/>', "<PcGts>, not ALTO's <alto>"),
        (alto(""), "has no Layout/Page element"),
        (alto(page(space(block("b1", line(string(" ")))))), "has no words"),
        ("<alto><Layout><Page HPOS='&x;'/></Layout></alto>", "not well-formed ALTO XML"),
    ],
)
def test_what_is_not_alto_is_a_one_line_error(tmp_path: Path, content: str, reason: str) -> None:
    path = write(tmp_path, content)
    with pytest.raises(InputError, match=reason) as raised:
        read(path)
    assert "\n" not in str(raised.value)
    assert path.read_text(encoding="utf-8") == content
