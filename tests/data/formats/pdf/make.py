"""Remake the PDFs of this folder (a developer's script; the tests only read its output).

Needs headless Chromium (`chromium`), `qpdf` and poppler's `pdftotext` (Debian: `apt-get
install chromium qpdf poppler-utils`), and pypdf for the page labels, which it installs into
a temporary folder (never into the project's environment). Run from anywhere:

    .venv/bin/python tests/data/formats/pdf/make.py
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parents[3] / "examples" / "salt-pans-ocr-chicago.txt"
# The printed page numbers of the example's six pages (its second line says which).
SALT_PANS_LABELS = [(0, 41), (5, 251)]
PYPDF = "pypdf==7.1.0"

PAGE_STYLE = """
@page { size: A4; margin: 20mm; }
body { margin: 0; font-family: 'DejaVu Serif', serif; font-size: 10pt; }
.page { white-space: pre; line-height: 1.35; break-after: page; }
"""

# An invented text: ligatures (fi, fl, ffi), soft hyphens in long words set in a narrow
# measure so that some lines end at one, and a second page in two columns.
LAYOUT_PARAGRAPHS = [
    "The first office of the Brenlow ferry stood by the flour mill, and its officers kept "
    "a register of every crossing: the passengers, their goods and the fares they paid.",
    "Its clerk, Odo Hastrel, wrote in a small and careful hand. The ledgers survive "
    "in the county record office, uncatalogued but complete for thirty years.",
]
LONG_WORDS = (
    "The in\u00adcon\u00adtro\u00advert\u00adible ac\u00adcount\u00adabil\u00adi\u00adty of "
    "the com\u00admis\u00adsion\u00aders was ques\u00adtioned by the un\u00adder\u00adwrit"
    "\u00aders of the har\u00adbour and by the mer\u00adchants, who thought the "
    "re\u00adgis\u00adtra\u00adtion of every pas\u00adsen\u00adger su\u00adper\u00adflu"
    "\u00adous and ex\u00adtra\u00adordi\u00adnari\u00adly ex\u00adpen\u00adsive."
)
COLUMN_LEFT = [
    "Left column. The ferry crossed at high water only, twice a day in summer and once in "
    "winter, and the crossing took the better part of an hour.",
    "The boat was rebuilt after the storm, at the charge of the parish.",
]
COLUMN_RIGHT = [
    "Right column. The fares were fixed by the justices: a penny for a foot passenger, "
    "fourpence for a horse, and a shilling for a cart with its driver.",
    "They were raised only once in the century.",
]
LAYOUT_STYLE = """
@page { size: A5; margin: 15mm; }
body { margin: 0; font-family: 'Nimbus Roman', serif; font-size: 10pt; line-height: 1.35;
       font-variant-ligatures: common-ligatures; }
p { margin: 0 0 1em 0; }
.narrow { width: 52mm; hyphens: manual; }
.columns { column-count: 2; column-gap: 8mm; break-before: page; }
.right { break-before: column; }
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        pypdf_folder = scratch / "pypdf"
        run(sys.executable, "-m", "pip", "install", "-q", "--target", pypdf_folder, PYPDF)
        sys.path.insert(0, str(pypdf_folder))
        make_salt_pans(scratch)
        make_layout(scratch)
        make_scan(scratch)
    run(
        "qpdf",
        "--encrypt",
        "open-sesame",
        "open-sesame",
        "256",
        "--",
        HERE / "layout.pdf",
        HERE / "encrypted.pdf",
    )
    # Encrypted with an empty user password: opens without one (printing forbidden).
    run(
        "qpdf",
        "--encrypt",
        "",
        "owner-only",
        "256",
        "--print=none",
        "--",
        HERE / "layout.pdf",
        HERE / "restricted.pdf",
    )
    data = (HERE / "layout.pdf").read_bytes()
    (HERE / "truncated.pdf").write_bytes(data[: len(data) // 2])
    for pdf in sorted(HERE.glob("*.pdf")):
        print(f"{pdf.name}: {pdf.stat().st_size:,} bytes")


def make_salt_pans(scratch: Path) -> None:
    """The OCR example, one PDF page per form-feed page, one printed line per line of text;
    `salt-pans.txt` is the same text as the PDF's lines show it (what pdftotext prints)."""
    pages = EXAMPLE.read_text(encoding="utf-8").split("\f")
    body = "".join(f'<div class="page">{html.escape(page.strip(chr(10)))}</div>' for page in pages)
    pdf = print_to_pdf(scratch, "salt-pans", PAGE_STYLE, body)
    set_page_labels(pdf, HERE / "salt-pans.pdf", SALT_PANS_LABELS)
    plain = "".join(as_printed(page) + "\f" for page in pages)
    (HERE / "salt-pans.txt").write_text(plain, encoding="utf-8")
    compare_with_pdftotext(HERE / "salt-pans.pdf", plain)


def make_layout(scratch: Path) -> None:
    paragraphs = "".join(f"<p>{html.escape(text)}</p>" for text in LAYOUT_PARAGRAPHS)
    narrow = f'<p class="narrow">{html.escape(LONG_WORDS)}</p>'
    left = "".join(f"<p>{html.escape(text)}</p>" for text in COLUMN_LEFT)
    right = "".join(f"<p>{html.escape(text)}</p>" for text in COLUMN_RIGHT)
    columns = f'<div class="columns"><div>{left}</div><div class="right">{right}</div></div>'
    body = paragraphs + narrow + columns
    pdf = print_to_pdf(scratch, "layout", LAYOUT_STYLE, body)
    # Roman numbers for the first page, then Arabic from 1, as in a book's front matter.
    set_page_labels(pdf, HERE / "layout.pdf", [(0, 1, "/r"), (1, 1, "/D")])


def make_scan(scratch: Path) -> None:
    """A page that is only an image of text, as a scanner without OCR makes it."""
    image = scratch / "page.png"
    run(
        "convert",
        "-size",
        "900x300",
        "xc:white",
        "-font",
        "DejaVu-Serif",
        "-pointsize",
        "28",
        "-draw",
        "text 30,80 'A scanned page: an image of text and no text layer.'",
        image,
    )
    body = f'<img src="{image.as_uri()}" style="width: 150mm">'
    pdf = print_to_pdf(scratch, "scan", "@page { size: A5; margin: 10mm; }", body)
    (HERE / "scan.pdf").write_bytes(pdf.read_bytes())


def as_printed(page: str) -> str:
    """A page's text as its printed lines show it: each line's words joined by one space, a
    line indented from its paragraph's left edge (a hanging indent) still indented, a single
    blank line between paragraphs, none at the page's top or foot."""
    paragraphs = re.split(r"\n[ \t]*\n", page.strip("\n"))
    return "\n\n".join(_as_printed(p) for p in paragraphs if p.strip()) + "\n"


def _as_printed(paragraph: str) -> str:
    lines = [line for line in paragraph.split("\n") if line.strip()]
    edge = min(len(line) - len(line.lstrip()) for line in lines)
    return "\n".join(
        " " * (len(line) - len(line.lstrip()) - edge) + " ".join(line.split()) for line in lines
    )


def print_to_pdf(scratch: Path, name: str, style: str, body: str) -> Path:
    page = scratch / f"{name}.html"
    page.write_text(
        f'<!doctype html><html><head><meta charset="utf-8"><style>{style}</style></head>'
        f"<body>{body}</body></html>",
        encoding="utf-8",
    )
    pdf = scratch / f"{name}.pdf"
    run(
        "chromium",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        page.as_uri(),
    )
    return pdf


def set_page_labels(source: Path, target: Path, ranges: list[tuple[int, ...]]) -> None:
    """Copy `source` to `target` with page labels: (first page index, start, style)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    count = len(writer.pages)
    for number, (first, start, *style) in enumerate(ranges):
        last = ranges[number + 1][0] - 1 if number + 1 < len(ranges) else count - 1
        writer.set_page_label(first, last, style=style[0] if style else "/D", start=start)
    with target.open("wb") as stream:
        writer.write(stream)


def compare_with_pdftotext(pdf: Path, plain: str) -> None:
    """Check the plain-text equivalent against a real tool's reading of the PDF: the same
    words in the same order (pdftotext joins words hyphenated at a line end, and splits a
    running head from its page number, so lines and blank lines are not compared)."""
    printed = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    ours = re.sub(r"-\n(?=\S)", "", plain).split()
    theirs = printed.split()
    if ours == theirs:
        print(f"{pdf.name}: pdftotext reads the same {len(ours):,} words, in the same order")
        return
    first = next(i for i, pair in enumerate(zip(ours, theirs, strict=False)) if len(set(pair)) > 1)
    raise SystemExit(
        f"{pdf.name}: pdftotext reads {theirs[first : first + 5]}, "
        f"the plain text has {ours[first : first + 5]}, at word {first}"
    )


def run(*command: object) -> None:
    subprocess.run([str(part) for part in command], check=True, capture_output=True)


if __name__ == "__main__":
    main()
