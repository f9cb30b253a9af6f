"""Render the example's report in headless Chromium and save the README's screenshot.

Run: `make screenshot` (or `.venv/bin/python docs/screenshot.py [FILE] [-o PNG]`).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

import fontes
from fontes.export.report import render_report

ROOT = Path(__file__).parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, nargs="?", default=ROOT / "examples" / "dock-strike.txt")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "report.png")
    args = parser.parse_args()
    name = os.path.relpath(args.file, ROOT)  # as a reader of the README would type it
    doc = fontes.analyze(args.file.read_text(encoding="utf-8"), path=name)
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--window-size=1400,900",
        "--disable-background-networking",
        "--disable-component-update",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        page.write_text(render_report(doc), encoding="utf-8")
        try:
            driver.get(page.as_uri())
            driver.find_element("css selector", "#finding-list li[data-i]").click()
            driver.execute_script("window.scrollTo(0, 0)")
            driver.save_screenshot(str(args.output))
        finally:
            driver.quit()
    print(f"screenshot written to {args.output}")


if __name__ == "__main__":
    main()
