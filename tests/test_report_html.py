"""The HTML report as a sales manager sees it: a real headless Chromium opens the file,
and the summary, chart, fraud list, sorting and filtering work."""
from __future__ import annotations

import re
import shutil

import pytest

from conftest import ROOT
from inquiry_nlp.cli import main

SAMPLE = ROOT / "data" / "sample" / "inbox.mbox"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("html") / "report.html"
    assert main(["classify", str(SAMPLE), "--format", "html", "-o", str(out), "--workers", "1", "-q"]) == 0
    jsonl = out.with_suffix(".jsonl")
    assert main(["classify", str(SAMPLE), "--format", "jsonl", "-o", str(jsonl), "--workers", "1", "-q"]) == 0
    import json

    records = [json.loads(x) for x in jsonl.read_text(encoding="utf-8").splitlines()]
    return out, records


def test_page_is_self_contained(report):
    out, records = report
    html = out.read_text(encoding="utf-8")
    # Nothing loaded from elsewhere: no external scripts, styles, images or fonts.
    assert not re.search(r"<(script|img|iframe)[^>]*\ssrc=|<link\b|@import|url\(", html)
    assert html.count("grade ") >= 4


@pytest.fixture(scope="module")
def page(report):
    if CHROMIUM is None:
        pytest.fail("no Chromium found: install Debian's chromium package (apt-get install chromium); "
                    "the HTML report is tested in a real browser")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[dev]' installs playwright")
    out, records = report
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        pg = browser.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(out.as_uri())
        pg.wait_for_selector("#threads tbody tr")
        yield pg, records, errors
        browser.close()


def visible_ids(pg) -> list[str]:
    return pg.eval_on_selector_all("#threads tbody tr", "rows => rows.map(r => r.dataset.id)")


def test_renders_summary_chart_and_fraud_list(page):
    pg, records, errors = page
    assert not errors
    frauds = [r for r in records if r["fraud"]["suspected"]]
    assert pg.locator(".card.fraud .n").inner_text() == str(len(frauds))
    for g in (1, 2, 3, 4):
        assert pg.locator(f".card.g{g} .n").inner_text() == str(sum(r["grade"] == g for r in records))
    assert pg.locator("#grade-chart rect").count() == 4
    assert pg.locator("#fraud-list > li").count() == len(frauds)
    assert len(visible_ids(pg)) == len(records)
    assert pg.locator("#shown").inner_text() == f"{len(records)} of {len(records)} shown"


def test_sorts_by_grade_both_ways(page):
    pg, records, _ = page
    by_id = {r["thread_id"]: r for r in records}
    pg.click("th[data-key=grade]")
    asc = [by_id[i]["grade"] for i in visible_ids(pg)]
    assert asc == sorted(asc) and asc[0] < asc[-1]
    pg.click("th[data-key=grade]")
    desc = [by_id[i]["grade"] for i in visible_ids(pg)]
    assert desc == sorted(desc, reverse=True)
    assert pg.get_attribute("th[data-key=grade]", "aria-sort") == "descending"


def test_filters_by_text_grade_and_fraud(page):
    pg, records, _ = page
    by_id = {r["thread_id"]: r for r in records}
    pg.select_option("#grade-filter", "1")
    shown = visible_ids(pg)
    assert shown and all(by_id[i]["grade"] == 1 for i in shown)
    assert len(shown) == sum(r["grade"] == 1 for r in records)
    pg.select_option("#grade-filter", "")
    pg.check("#fraud-only")
    assert sorted(visible_ids(pg)) == sorted(r["thread_id"] for r in records if r["fraud"]["suspected"])
    pg.uncheck("#fraud-only")
    target = next(r for r in records if r["customer"]["address"])
    pg.fill("#filter", target["customer"]["address"])
    shown = visible_ids(pg)
    assert target["thread_id"] in shown and len(shown) < len(records)
    pg.fill("#filter", "zzzz-no-such-text")
    assert visible_ids(pg) == []
    pg.fill("#filter", "")
    assert len(visible_ids(pg)) == len(records)
