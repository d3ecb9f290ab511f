#!/usr/bin/env python3
"""Write ``src/inquiry_nlp/data/jieba_dict.txt``: jieba's main dictionary (MIT licence)
trimmed to its most frequent words.

jieba loads its dictionary at the first Chinese text of a process: 0.5–1 s for the full
349,046 words, a quarter of that for 100,000. Only the model's word features use jieba (the
extractors match lexicons), and the classifier is trained with the same dictionary, so the
trade-off is a cold start against a few rare words being split into shorter ones (98.4 % of
the tokens of the corpus's Chinese messages are unchanged). Domain words the cut loses
belong in ``data/trade_terms.txt``, which is added on top.

    python tools/make_jieba_dict.py            # 100,000 words
    python tools/make_jieba_dict.py --words 150000

Retrain the model afterwards (``inquiry-nlp train data/corpus/hand -o models/default``).
"""
from __future__ import annotations

import argparse
from pathlib import Path

import jieba

OUT = Path(__file__).resolve().parents[1] / "src" / "inquiry_nlp" / "data" / "jieba_dict.txt"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=100_000, help="how many of the most frequent words to keep")
    ap.add_argument("--out", type=Path, default=OUT, help=f"where to write it (default: {OUT})")
    args = ap.parse_args()
    src = Path(jieba.__file__).parent / "dict.txt"
    lines = [line for line in src.read_text(encoding="utf-8").splitlines() if line.strip()]
    freq = sorted((int(line.split(" ")[1]) for line in lines), reverse=True)
    floor = freq[min(args.words, len(freq) - 1)]
    keep = [line for line in lines if int(line.split(" ")[1]) > floor]  # dictionary order kept
    args.out.write_text("\n".join(keep) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(keep):,} of {len(lines):,} words (frequency > {floor}) from jieba {jieba.__version__}")


if __name__ == "__main__":
    main()
