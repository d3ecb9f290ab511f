"""The ``inquiry-nlp`` command. Subcommands parse arguments and call the library; the work
is done in the pipeline modules.

    inquiry-nlp classify data/sample/inbox.mbox --format table
    inquiry-nlp classify inbox.mbox --own example.com --format jsonl -o out.jsonl
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import InputError, InquiryError

FORMATS = ("jsonl", "csv", "table")


def _own_values(values: Sequence[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(x for x in v.replace(";", ",").split(",") if x.strip())
    return out


def cmd_classify(args: argparse.Namespace) -> int:
    from .pipeline import classify
    from .report import WRITERS

    fmt = args.format or ("table" if args.output is None and sys.stdout.isatty() else "jsonl")
    run = classify(args.paths, _own_values(args.own), args.rules or (),
                   None if args.no_model else (args.model or "default"))
    writer = WRITERS[fmt]
    if args.output and args.output != "-":
        out_path = Path(args.output)
        tmp = out_path.with_name(out_path.name + ".part")
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            writer(run.records(), fh)
        tmp.replace(out_path)
    else:
        writer(run.records(), sys.stdout)
        sys.stdout.flush()
    if not args.quiet:
        s = run.summary()
        owner = f"owner: {s['owner']}" + ("" if s["owner_inferred"] else " (given by --own)")
        langs = ", ".join(f"{k} {v}" for k, v in s["languages"].items())  # type: ignore[union-attr]
        print(f"inquiry-nlp: {s['messages']} messages read -> {s['threads']} threads, {s['errors']} error records"
              f" ({'every message accounted for' if s['accounted'] else 'MESSAGES UNACCOUNTED: please report'});"
              f" {owner}; languages: {langs or 'none'}", file=sys.stderr)
        if s["owner_inferred"]:
            print("inquiry-nlp: the owner was inferred; pass --own YOUR-DOMAIN if that is wrong.", file=sys.stderr)
    return 0


def cmd_evaluate_extraction(args: argparse.Namespace) -> int:
    from .extract.evaluate import evaluate

    report = evaluate(args.data, args.split, args.rules or ())
    for line in report.lines(args.show_errors, args.field or ()):
        print(line)
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from .model.workflow import train
    from .rules import load_rules

    if not args.data and not args.labels:
        raise InputError("give labelled data (e.g. data/corpus/hand) or --labels corrected.csv --mail MAIL")
    if args.labels and not args.mail:
        raise InputError("--labels needs --mail: the mail the labelled CSV was classified from")
    data = args.data or ([] if args.no_corpus else ["data/corpus/hand"])
    for line in train(data, args.output, load_rules(args.rules or ()), seed=args.seed, labels=args.labels,
                      mail=args.mail, own=_own_values(args.own), use_corpus=not args.no_corpus):
        print(line)
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .model.store import load
    from .model.workflow import evaluate
    from .rules import load_rules

    model = load(args.model)
    for line in evaluate(model, args.data, load_rules(args.rules or ()), args.split or ["test"]):
        print(line)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inquiry-nlp",
        description="Grade the B2B inquiry emails a supplier receives (Chinese and English).")
    parser.add_argument("--version", action="version", version=f"inquiry-nlp {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser(
        "classify", help="read an inbox dump and write one record per inquiry thread",
        description="Read an inbox dump (mbox, maildir, folder of .eml, .eml, .jsonl/.csv export, or - for "
                    "one message on standard input; several paths are one dump) and write one record per "
                    "thread, per the output contract.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--own", action="append", metavar="ADDRESS_OR_DOMAIN",
                   help="our own address or domain (repeatable, or comma-separated); inferred when absent")
    p.add_argument("--format", choices=FORMATS, help="output format (default: table on a terminal, else jsonl)")
    p.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of standard output")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on standard error")
    p.add_argument("--rules", action="append", metavar="FILE",
                   help="a rule file (TOML) that adds or overrides rules and settings (repeatable)")
    p.add_argument("--model", metavar="MODEL_DIR",
                   help="a model folder (default: the shipped models/default); only load models you trust: "
                        "joblib files run code when loaded")
    p.add_argument("--no-model", action="store_true", help="grade with the rules alone")
    p.set_defaults(func=cmd_classify)

    p = sub.add_parser(
        "evaluate-extraction", help="per-field precision, recall and F1 of extraction on labelled threads",
        description="Score the extracted fields against labelled threads (data/README.md format).")
    p.add_argument("data", nargs="+", metavar="DATA", help="labelled-thread JSONL files or folders")
    p.add_argument("--split", action="append", choices=("train", "dev", "test"),
                   help="which split(s) to score (repeatable; default: dev)")
    p.add_argument("--show-errors", type=int, default=0, metavar="N", help="list up to N errors per field")
    p.add_argument("--field", action="append", help="with --show-errors: only this field (repeatable)")
    p.add_argument("--rules", action="append", metavar="FILE", help="extra rule file (TOML), repeatable")
    p.set_defaults(func=cmd_evaluate_extraction)

    p = sub.add_parser("train", help="train the grade and fraud models and write a model folder",
                       description="Train on labelled threads (data/README.md format) and/or an analyst's "
                                   "corrected CSV joined with its mail; prints cross-validated and test-split "
                                   "figures and writes model.joblib + manifest.json.")
    p.add_argument("data", nargs="*", metavar="DATA", help="labelled-thread JSONL files or folders")
    p.add_argument("-o", "--output", required=True, metavar="MODEL_DIR")
    p.add_argument("--labels", metavar="CSV", help="classify --format csv output with corrected grade/fraud columns")
    p.add_argument("--mail", nargs="+", metavar="PATH", help="the mail those labels were classified from")
    p.add_argument("--own", action="append", metavar="ADDRESS_OR_DOMAIN", help="our addresses/domains for --mail")
    p.add_argument("--no-corpus", action="store_true", help="with --labels: train on the analyst's labels only")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--rules", action="append", metavar="FILE", help="extra rule file (TOML), repeatable")
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("evaluate", help="figures of a model on labelled threads, with the ablation",
                       description="Grade and fraud figures of a model on a split of labelled threads: rules "
                                   "only, model only, and combined.")
    p.add_argument("data", nargs="+", metavar="DATA")
    p.add_argument("--model", metavar="MODEL_DIR", help="model folder (default: the shipped model)")
    p.add_argument("--split", action="append", choices=("train", "dev", "test"), help="default: test")
    p.add_argument("--rules", action="append", metavar="FILE", help="extra rule file (TOML), repeatable")
    p.set_defaults(func=cmd_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "command", None) == "evaluate-extraction" and not args.split:
        args.split = ["dev"]
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except InquiryError as exc:
        print(f"inquiry-nlp: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("inquiry-nlp: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
