#!/usr/bin/env python3
"""Write ``src/inquiry_nlp/rules/needles.json``: the needles of every pattern of the shipped
rule files (``rules/*.toml``), with a digest of those files.

A rule's regex runs only on a text that holds one of its needles (``rules.engine.needles``).
Working the needles out parses every pattern again, and checking the shipped patterns
compiles each: a quarter of a second that a cold ``inquiry-nlp filter`` would pay for one
message. With the table, a shipped pattern is compiled only when a text holds a needle.
The table is not used when the rule files differ from the digest; ``tests/rules`` fails until
it is made again after the rules (or the needle analysis) change:

    python tools/make_rule_needles.py
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from inquiry_nlp.rules.engine import needles_table

OUT = Path(__file__).resolve().parents[1] / "src" / "inquiry_nlp" / "rules" / "needles.json"


def render() -> str:
    """The file's text: one pattern per line, so a rule change shows as a small diff."""
    table = needles_table()
    lines = [f"{json.dumps(p, ensure_ascii=False)}: {json.dumps(n, ensure_ascii=False)}"
             for p, n in table["needles"].items()]
    return (f'{{"rules_sha256": {json.dumps(table["rules_sha256"])},\n"needles": {{\n'
            + ",\n".join(lines) + "\n}}\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT, help=f"where to write it (default: {OUT})")
    args = ap.parse_args()
    text = render()
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: needles of {len(json.loads(text)['needles'])} patterns")


if __name__ == "__main__":
    main()
