#!/bin/sh
# Remakes the OCR test files of this folder from one of the project's own examples: two
# printed pages rendered as page images, then ONE tesseract run over both pages that writes
# hOCR, ALTO, a PDF with a text layer and tesseract's plain text. Not run in CI (CI needs no
# tesseract); rerun by hand after changing the cut, and commit what it writes.
# Needs Debian's tesseract-ocr (English data included) and ImageMagick's convert.
set -eu
for tool in tesseract convert; do
    command -v "$tool" >/dev/null || { echo "make.sh: needs $tool (apt-get install tesseract-ocr imagemagick)" >&2; exit 1; }
done
here=$(cd "$(dirname "$0")" && pwd)
source_text="$here/../../../../examples/derwent-mills-author-date.txt"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Two pages, broken mid-paragraph as a printed page would be: lines 1-52, then 53-103.
sed -n 1,52p "$source_text" >"$work/page1.txt"
sed -n 53,103p "$source_text" >"$work/page2.txt"

cd "$here"
for page in 1 2; do
    # A4 at 150 dpi, 10-point C059 (a Century Schoolbook), one bit per pixel, with a folio
    # (an invented printed page number, 37 and 38) centred at the foot.
    convert -size 1240x1754 xc:white -density 150 -units PixelsPerInch \
        -font C059-Roman -pointsize 10 -interline-spacing -4 -fill black \
        -annotate +150+120 "$(cat "$work/page$page.txt")" \
        -gravity south -annotate +0+70 "$((36 + page))" \
        -colorspace Gray -threshold 60% -type bilevel -define png:exclude-chunks=date,time \
        -units PixelsPerInch -density 150 "page$page.png"
done

# The image list names the pages as ALTO's fileName and hOCR's `image` will: relative to here.
printf 'page1.png\npage2.png\n' >"$work/pages.list"
tesseract "$work/pages.list" derwent -l eng hocr alto pdf txt
