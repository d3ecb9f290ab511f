"""The ``inquiry-nlp`` command. Subcommands parse arguments and call the library; the work
is done in the pipeline modules.

    inquiry-nlp classify data/sample/inbox.mbox --format table
    inquiry-nlp classify inbox.mbox --own example.com --format jsonl -o out.jsonl
"""
from __future__ import annotations

import sys

from . import __version__
from .errors import InputError, InquiryError

TYPE_CHECKING = False  # argparse, pathlib and typing load only when a command needs them:
if TYPE_CHECKING:      # `filter --connect` starts once per message (see _quick_filter)
    import argparse
    from collections.abc import Sequence

FORMATS = ("jsonl", "csv", "table", "html")


def _own_values(values: Sequence[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(x for x in v.replace(";", ",").split(",") if x.strip())
    return out


def cmd_classify(args: argparse.Namespace) -> int:
    if args.engine == "dask":
        from .dask import run_cli  # needs the inquiry-nlp[dask] extra

        return run_cli(args)
    from .pipeline import classify
    from .report import WRITERS
    from .report.resume import already_written

    fmt = args.format or ("table" if args.output is None and sys.stdout.isatty() else "jsonl")
    to_file = bool(args.output and args.output != "-")
    if args.resume and (fmt not in ("jsonl", "csv") or not to_file):
        raise InputError("--resume continues a JSONL or CSV file: give --format jsonl (or csv) and -o FILE "
                         "(render HTML or a table from the finished file with: inquiry-nlp report FILE)")
    if args.workers is not None and args.workers < 1:
        raise InputError(f"--workers {args.workers}: give a number of processes >= 1 (default: all cores)")
    skip: frozenset[str] = frozenset()
    from pathlib import Path

    out_path = Path(args.output) if to_file else None
    if args.resume and out_path is not None and out_path.exists():
        skip = already_written(out_path, fmt)
    from .workers import default_workers

    progress = _Progress(args.paths, enabled=not args.quiet and sys.stderr.isatty())
    run = classify(args.paths, _own_values(args.own), args.rules or (),
                   None if args.no_model else (args.model or "default"),
                   workers=args.workers or default_workers(), window_days=args.window,
                   skip=skip, progress=progress.update)
    records = _until_interrupted(run.records())
    writer = WRITERS[fmt]
    try:
        if out_path is not None:
            if skip:
                with open(out_path, "a", encoding="utf-8", newline="\n") as fh:
                    writer(records, fh, header=False) if fmt == "csv" else writer(records, fh)
            else:
                tmp = out_path.with_name(out_path.name + ".part")
                with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
                    writer(records, fh)
                tmp.replace(out_path)
        else:
            _stream_lines(sys.stdout, fmt)
            writer(records, sys.stdout)
            sys.stdout.flush()
    finally:
        progress.close()
    if not args.quiet:
        _print_summary(run.summary.as_dict(), args)
    if records.interrupted:
        where = f"{out_path} holds every record finished so far" if out_path else "the records so far were written"
        hint = (f"; continue with the same command plus --resume" if out_path is not None and fmt in ("jsonl", "csv")
                else "")
        print(f"inquiry-nlp: interrupted: {where}{hint}", file=sys.stderr)
        return 130
    return 0


def _stream_lines(out, fmt: str) -> None:
    """JSONL and CSV on standard output go out a line at a time: whoever reads the pipe
    gets each record when it is graded, not when a buffer of several fills."""
    reconfigure = getattr(out, "reconfigure", None)
    if fmt in ("jsonl", "csv") and reconfigure is not None:
        reconfigure(line_buffering=True)


class _until_interrupted:
    """Records until Ctrl-C, then a clean stop: every writer finishes a valid file."""

    def __init__(self, it):
        self.it = it
        self.interrupted = False

    def __iter__(self):
        return self

    def __next__(self):
        if self.interrupted:
            raise StopIteration
        try:
            return next(self.it)
        except KeyboardInterrupt:
            self.interrupted = True
            close = getattr(self.it, "close", None)
            if close:
                close()
            raise StopIteration from None


class _Progress:
    """A progress bar on standard error when it is a terminal (messages and threads per
    second, ETA); nothing in a pipe."""

    def __init__(self, paths: Sequence[str], enabled: bool) -> None:
        self.bar = None
        if enabled:
            from tqdm import tqdm

            from .mail.sources import estimate_messages

            self.bar = tqdm(total=estimate_messages(paths), unit="msg", file=sys.stderr, dynamic_ncols=True,
                            smoothing=0.1, desc="classifying")
            self.threads = 0

    def update(self, messages: int, threads: int) -> None:
        if self.bar is not None:
            self.threads += threads
            self.bar.update(messages)
            elapsed = self.bar.format_dict.get("elapsed") or 0
            if elapsed > 0 and threads:
                self.bar.set_postfix_str(f"{self.threads} threads, {self.threads / elapsed:.0f} threads/s",
                                         refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _print_summary(s: dict, args: argparse.Namespace) -> None:
    owner = f"owner: {s['owner']}" + ("" if s["owner_inferred"] else " (given by --own)")
    grades = ", ".join(f"{g}: {n}" for g, n in s["grades"].items()) or "none"
    print(f"inquiry-nlp: {s['messages']} messages read -> {s['threads']} threads, {s['errors']} error records"
          f" ({'every message accounted for' if s['accounted'] else 'MESSAGES UNACCOUNTED: please report'});"
          f" grades {grades}; suspected fraud: {s['fraud']}; {owner}", file=sys.stderr)
    if s["skipped_threads"]:
        print(f"inquiry-nlp: resumed: {s['skipped_threads']} threads were already in {args.output}",
              file=sys.stderr)
    if s["late_messages"]:
        print(f"inquiry-nlp: {s['late_messages']} messages came more than {args.window:g} days behind the dump's "
              f"newest date (the dump is not in date order); if replies look split from their threads, "
              f"rerun with --window 0", file=sys.stderr)
    if s["owner_inferred"]:
        print("inquiry-nlp: the owner was inferred; pass --own YOUR-DOMAIN if that is wrong.", file=sys.stderr)


def cmd_report(args: argparse.Namespace) -> int:
    import json

    from .mail.message import ErrorRecord
    from .report import WRITERS
    from .result import ThreadResult

    def records():
        with open(args.jsonl, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    d = json.loads(line)
                    yield ErrorRecord.from_dict(d) if "error" in d else ThreadResult.from_dict(d)
                except (ValueError, KeyError, TypeError) as exc:
                    raise InputError(f"{args.jsonl}:{n}: not a record of classify --format jsonl ({exc})") from None

    from pathlib import Path

    if not Path(args.jsonl).is_file():
        raise InputError(f"{args.jsonl}: no such file; give the output of classify --format jsonl")
    writer = WRITERS[args.format]
    if args.output and args.output != "-":
        with open(args.output, "w", encoding="utf-8", newline="\n") as fh:
            writer(records(), fh)
    else:
        writer(records(), sys.stdout)
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


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import main as serve

    return serve(args.socket or args.listen, model=args.model, rules=args.rules, own=_own_values(args.own),
                 timeout=args.timeout, max_size=args.max_size, threads=args.threads,
                 allow_remote=args.allow_remote, socket_mode=int(args.socket_mode, 8))


def cmd_filter(args: argparse.Namespace) -> int:
    from .filter import run

    return run(sys.stdin.buffer, sys.stdout.buffer, args.connect, model=args.model, rules=args.rules or (),
               own=_own_values(args.own), timeout=args.timeout, max_size=args.max_size)


def build_parser() -> argparse.ArgumentParser:
    import argparse

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
    p.add_argument("--workers", type=int, metavar="N", help="processes to use (default: all cores); the "
                   "output is the same whatever N")
    p.add_argument("--window", type=float, default=30.0, metavar="DAYS",
                   help="grade a thread once the dump's newest date is DAYS past its last message (bounds "
                        "memory on dumps in date order; 0: hold every thread to the end of the input)")
    p.add_argument("--resume", action="store_true",
                   help="continue an interrupted run into the same -o FILE (jsonl or csv) without repeating "
                        "or losing threads")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: this machine's processes; dask: a Dask cluster (docs/dask.md; paths may be "
                        "fsspec URLs; JSONL only)")
    p.add_argument("--scheduler", metavar="tcp://HOST:8786", help="with --engine dask: the scheduler (default: "
                   "$DASK_SCHEDULER_ADDRESS, else a local cluster of --workers processes)")
    p.add_argument("--parts", metavar="DIR", help="with --engine dask: write one JSONL file per partition here "
                   "(merged into -o or standard output only when -o is given)")
    p.add_argument("--blocksize", type=int, default=16 * 2**20, metavar="BYTES",
                   help="with --engine dask: mbox files larger than this are split into blocks of this size")
    p.set_defaults(func=cmd_classify)

    p = sub.add_parser("report", help="render a finished JSONL run as HTML, a table or CSV",
                       description="Render the records of classify --format jsonl (e.g. after --resume) in "
                                   "another format.")
    p.add_argument("jsonl", metavar="RECORDS.jsonl")
    p.add_argument("--format", choices=("html", "table", "csv", "jsonl"), default="html")
    p.add_argument("-o", "--output", metavar="OUT")
    p.set_defaults(func=cmd_report)

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
    _add_mail_server_commands(sub)
    return parser


def _add_mail_server_commands(sub: argparse._SubParsersAction) -> None:
    """``serve`` and ``filter``: the spamd/spamc pair for mail servers (docs/mail-integration.md)."""
    mb = 1024 * 1024
    p = sub.add_parser("serve", help="keep the model loaded and grade messages over HTTP on localhost",
                       description="Load the model once and answer POST /classify (raw message -> JSON record), "
                                   "POST /filter (raw message -> message with X-Inquiry-* headers) and GET /health.")
    p.add_argument("--listen", metavar="[HOST:]PORT", help="TCP address (default: 127.0.0.1:7830)")
    p.add_argument("--socket", metavar="PATH", help="listen on this Unix socket instead of TCP")
    p.add_argument("--socket-mode", default="660", metavar="OCTAL", help="permissions of the socket (default 660)")
    p.add_argument("--allow-remote", action="store_true", help="allow a HOST that is not a loopback address")
    p.add_argument("--threads", type=int, default=2, metavar="N", help="messages graded at once (default 2)")
    p.add_argument("--timeout", type=float, default=15.0, metavar="SECONDS", help="grading time limit per message")
    p.add_argument("--max-size", type=int, default=20 * mb, metavar="BYTES", help="largest message accepted")
    p.add_argument("--model", metavar="MODEL_DIR", help="a model folder (default: the shipped model)")
    p.add_argument("--rules", action="append", metavar="FILE", help="extra rule file (TOML), repeatable")
    p.add_argument("--own", action="append", metavar="ADDRESS_OR_DOMAIN",
                   help="our addresses or domains (default: each message's recipient)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("filter", help="one message on stdin -> the same message with X-Inquiry-* headers on stdout",
                       description="Read one RFC 822 message on standard input and write it unchanged but for "
                                   "added X-Inquiry-Grade, -Fraud, -Status and -Report headers. On any failure the "
                                   "message goes out unchanged (with X-Inquiry-Error) and the exit status is 0.")
    p.add_argument("--connect", metavar="ADDRESS", help="ask a running 'inquiry-nlp serve' (HOST:PORT, PORT or a "
                   "socket path) instead of loading the model in this process")
    p.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS", help="how long to wait for the daemon")
    p.add_argument("--max-size", type=int, default=20 * mb, metavar="BYTES",
                   help="larger messages pass through ungraded")
    p.add_argument("--model", metavar="MODEL_DIR", help="without --connect: a model folder")
    p.add_argument("--rules", action="append", metavar="FILE", help="without --connect: extra rule file (TOML)")
    p.add_argument("--own", action="append", metavar="ADDRESS_OR_DOMAIN", help="without --connect: our addresses")
    p.set_defaults(func=cmd_filter)


def _quick_filter(argv: list[str]) -> int | None:
    """``filter --connect ADDRESS [--timeout S] [--max-size B]`` without building the whole
    command line parser (a mail server starts it once per message); None for anything else,
    which the full parser then handles (and explains when it is wrong)."""
    if argv[:1] != ["filter"]:
        return None
    opts: dict[str, str] = {}
    rest = argv[1:]
    while rest:
        name, eq, value = rest[0].partition("=")
        if name not in ("--connect", "--timeout", "--max-size") or name in opts:
            return None
        if not eq:
            if len(rest) < 2:
                return None
            value, rest = rest[1], rest[1:]
        opts[name] = value
        rest = rest[1:]
    from .filter import DEFAULT_MAX_SIZE, DEFAULT_TIMEOUT, run

    try:
        timeout = float(opts.get("--timeout", DEFAULT_TIMEOUT))
        max_size = int(opts.get("--max-size", DEFAULT_MAX_SIZE))
    except ValueError:
        return None
    if "--connect" not in opts or timeout <= 0:
        return None
    return run(sys.stdin.buffer, sys.stdout.buffer, opts["--connect"], timeout=timeout, max_size=max_size)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = sys.argv[1:] if argv is None else list(argv)
    quick = _quick_filter(args_list)
    if quick is not None:
        return quick
    parser = build_parser()
    args = parser.parse_args(args_list)
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
