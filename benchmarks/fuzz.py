"""Fuzz the readers and the per-article pipeline with mangled copies of the project's own articles.

Run from the repository root::

    python benchmarks/fuzz.py --minutes 5 [--target readers pipeline] [--engine random|atheris]
                              [--seed 1] [--out DIR]

Seeds are the sample articles (``examples/articles``), the fixture story and the gold-format
files of ``tests/fixtures``, plus a CSV and a JSON array made from the sample articles, so
every reader starts from a file it can read. Each input is a seed put through one to four
mutations, at the byte level (bits flipped, bytes set, removed, repeated; NULs, byte-order
marks, stray CRs, invalid UTF-8) or at the token level (words and punctuation removed,
repeated, swapped, or replaced by tokens that steer the parsers: JSON and CSV syntax, markup,
weekday and month phrases, figures in words and digits, absurdly long figures).

Targets (the time is split between them):

* ``readers``: the bytes go to a temporary file with a reader's ending and through
  ``eventwire.ingest.read_paths``. A crash is any exception out of it, any item that is
  neither an ``Article`` nor a ``ReadError``, or a ``ReadError`` whose reason is not one line
  naming the file.
* ``pipeline``: the bytes, decoded as a reader would, become an article (with no date, or a
  date between 1900 and 2100) and go through ``Pipeline().analyse`` in small batches. A crash
  is an exception out of ``analyse``. An article the pipeline's per-article guard caught
  (``Document.failed`` naming the stage that failed) is not a crash but is counted and shown,
  since each is a bug a strange article exposed.

Engines: ``random`` (default) is a seeded mutation loop that needs nothing more; ``atheris``
(``pip install atheris``) runs the same mutations, and libFuzzer's own, under libFuzzer's
coverage guidance over eventwire's code, one child process per target.

Prints the inputs tried per target, then each distinct crash and isolated failure (by
exception type and the innermost eventwire line) with how often it came up and a short view
of its first input; that input is written to ``--out`` (default: eventwire-fuzz in the
temporary folder). Nothing is asserted.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SEED_FILES = sorted((REPO / "examples" / "articles").iterdir()) \
    + sorted((REPO / "tests" / "fixtures").glob("*.txt")) \
    + sorted((REPO / "tests" / "fixtures" / "eval").glob("*.[cj]s*"))
ENDINGS = (".txt", ".json", ".jsonl", ".csv", ".html")
#: byte strings the decoders treat specially
ODD_BYTES = (b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\r", b"\r\n", b"\xff",
             b"\xc3", b"\xed\xa0\x80", b"\x1b", b"\xc2\x85", b"\xe2\x80\xa8", b"\xf0\x9f")
#: tokens that steer the parsers and extractors
TOKENS = (
    "{", "}", "[", "]", '"', ",", ":", "\\", "\\ud800", "\\u0000", "null", "1e999", "-0",
    '"text"', '"published"', '"title"', '"id"', '"language"', "text,title,published\n",
    "<p>", "</p>", "<article>", "<script>", "<![CDATA[", "&#0;", "&#xD800;", "<div>" * 40,
    "Monday", "last Friday", "early on Sunday", "on October 17", "since 1 January",
    "999 years ago", "the next day", "two days after", "12/31/1999", "2024-02-30",
    "killed", "wounded", "were killed", "at least", "dozens of", "twenty-one", "1,200", "7.5",
    "3-4", "9" * 40, "9" * 4400, "Kirkuk", "Islamic Resistance in Iraq", "claimed", "drone",
    "\u202e", "\U0001d518", "e\u0301", "\t", "\n\n", ".",
)
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "ten", "twelve", "twenty", "hundred",
                 "thousand", "million", "dozens", "several", "a", "no")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
#: kinds of token the text already holds -> (how to spot one, what may stand in for it)
LIKE_TOKENS = {
    "figure": (re.compile(rb"\d[\d,.]*|" + b"|".join(w.encode() for w in _NUMBER_WORDS)),
               ("0", "1", "29", "31", "32", "999", "1,200", "100001", "9" * 16, "9" * 4400,
                f"1{'0' * 400}.5", "7.5", "3-4", "twenty-one", *_NUMBER_WORDS)),
    "weekday": (re.compile("|".join(_WEEKDAYS).encode()), _WEEKDAYS + ("Sun", "Weekday")),
    "month": (re.compile("|".join(_MONTHS).encode()), _MONTHS + ("Sept.", "Febuary")),
}
#: a word (UTF-8 sequences kept whole), a run of spaces, or one other byte
TOKEN = re.compile(rb"[\w\x80-\xff]+|\s+|[^\w\s\x80-\xff]")
MAX_BYTES = 64 * 1024
PIPELINE_BATCH = 8
#: the share of the time the slower pipeline target gets when both run
PIPELINE_SHARE = 0.6
#: under atheris: the share of mutations left to libFuzzer's own, and the date of dated articles
LIBFUZZER_SHARE = 0.3
ATHERIS_PUBLISHED = dt.date(2024, 3, 12)
PREVIEW_CHARS = 160
#: an input slower than this is reported (a file; one article through the pipeline)
SLOW_FILE_SECONDS = 2.0
SLOW_ARTICLE_SECONDS = 5.0
DEFAULT_OUT = Path(tempfile.gettempdir()) / "eventwire-fuzz"


# --------------------------------------------------------------------------- seeds
def sample_records() -> list[dict]:
    lines = (REPO / "examples" / "articles" / "articles.jsonl").read_text().splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def derived_seeds() -> list[tuple[str, bytes]]:
    """A CSV and a JSON array of the sample articles: every reader gets a readable seed."""
    records = sample_records()
    table = io.StringIO()
    writer = csv.DictWriter(table, ["id", "title", "published", "text"], extrasaction="ignore")
    writer.writeheader()
    writer.writerows(records[:3])
    return [(".csv", table.getvalue().encode()), (".json", json.dumps(records[:2]).encode())]


def load_seeds() -> list[tuple[str, bytes]]:
    """(file ending, bytes) of every seed."""
    found = [(path.suffix.lower(), path.read_bytes()) for path in SEED_FILES if path.is_file()]
    return [(ending, data) for ending, data in found if ending in ENDINGS] + derived_seeds()


def story_seeds() -> list[bytes]:
    """The article texts themselves, for the pipeline target."""
    texts = [record["text"] for record in sample_records()]
    texts += [p.read_text() for p in (REPO / "tests" / "fixtures").glob("*.txt")]
    return [text.encode() for text in texts]


# --------------------------------------------------------------------------- mutations
def _span(rng: random.Random, data: bytes) -> tuple[int, int]:
    start = rng.randrange(len(data) + 1)
    return start, min(len(data), start + rng.randint(1, 64))


def flip_bit(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    i = rng.randrange(len(data))
    return data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1:]


def set_byte(rng: random.Random, data: bytes) -> bytes:
    i = rng.randrange(len(data) + 1)
    return data[:i] + bytes([rng.randrange(256)]) + data[i + 1:]


def insert_odd_bytes(rng: random.Random, data: bytes) -> bytes:
    i = rng.randrange(len(data) + 1)
    return data[:i] + rng.choice(ODD_BYTES) + data[i:]


def cut_bytes(rng: random.Random, data: bytes) -> bytes:
    start, end = _span(rng, data)
    return data[:start] + data[end:]


def repeat_bytes(rng: random.Random, data: bytes) -> bytes:
    start, end = _span(rng, data)
    return data[:end] + data[start:end] * rng.randint(1, 50) + data[end:]


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[:rng.randrange(len(data) + 1)]


def _tokens(data: bytes) -> list[bytes]:
    return TOKEN.findall(data) or [data]


def token_edit(rng: random.Random, data: bytes) -> bytes:
    """One token removed, repeated, swapped with another, or replaced by a steering token."""
    tokens = _tokens(data)
    i, j = rng.randrange(len(tokens)), rng.randrange(len(tokens))
    edit = rng.randrange(4)
    if edit == 0:
        del tokens[i]
    elif edit == 1:
        tokens[i:i] = tokens[i:i + rng.randint(1, 8)] * rng.randint(1, 4)
    elif edit == 2:
        tokens[i], tokens[j] = tokens[j], tokens[i]
    else:
        tokens[i] = rng.choice(TOKENS).encode()
    return b"".join(tokens)


def token_insert(rng: random.Random, data: bytes) -> bytes:
    tokens = _tokens(data)
    i = rng.randrange(len(tokens) + 1)
    return b"".join(tokens[:i] + [b" ", rng.choice(TOKENS).encode(), b" "] + tokens[i:])


def swap_like(rng: random.Random, data: bytes) -> bytes:
    """A figure, weekday or month in the text replaced by another of its kind, often an
    extreme one ("killing 3 people" -> "killing 9999...9 people"; "on Monday" -> "on Sunday")."""
    tokens = _tokens(data)
    places = [(i, kind) for i, token in enumerate(tokens) for kind in LIKE_TOKENS
              if LIKE_TOKENS[kind][0].fullmatch(token)]
    if not places:
        return token_insert(rng, data)
    i, kind = rng.choice(places)
    tokens[i] = rng.choice(LIKE_TOKENS[kind][1]).encode()
    return b"".join(tokens)


MUTATIONS: tuple[Callable[[random.Random, bytes], bytes], ...] = (
    flip_bit, set_byte, insert_odd_bytes, cut_bytes, repeat_bytes, truncate, token_edit,
    token_edit, token_insert, token_insert, swap_like, swap_like)


def mutate(rng: random.Random, data: bytes) -> bytes:
    for _ in range(rng.randint(1, 4)):
        data = rng.choice(MUTATIONS)(rng, data)
    return data[:MAX_BYTES]


# --------------------------------------------------------------------------- findings
@dataclass
class Finding:
    """One distinct failure: how often it came up, and the first input that showed it."""

    target: str
    kind: str
    what: str
    example: bytes
    count: int = 0
    seconds: float = 0.0


@dataclass
class Tally:
    tried: Counter[str] = field(default_factory=Counter)
    findings: dict[tuple[str, str, str], Finding] = field(default_factory=dict)

    def add(self, target: str, kind: str, what: str, where: str, example: bytes) -> None:
        key = (target, kind, where)
        found = self.findings.setdefault(key, Finding(target, kind, what, example))
        found.count += 1

    def timed(self, target: str, seconds: float, limit: float, example: bytes) -> None:
        """An input that took longer than ``limit`` is a finding too (the slowest is kept)."""
        if seconds <= limit:
            return
        found = self.findings.setdefault((target, "slow", f"over {limit:.0f} s"),
                                         Finding(target, "slow", "", example))
        found.count += 1
        if seconds >= found.seconds:
            found.what, found.example, found.seconds = f"slowest {seconds:.1f} s", example, seconds


def innermost_eventwire_line(exc: BaseException) -> str:
    """Where in eventwire an exception was raised from (file:line of the last eventwire frame)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/eventwire/" in f.filename]
    frame = frames[-1] if frames else traceback.extract_tb(exc.__traceback__)[-1]
    return f"{Path(frame.filename).name}:{frame.lineno}"


def stage_of(failed: str) -> str:
    """The "stage 'extract' failed (ValueError: ..." reason's stage and exception type."""
    match = re.search(r"stage '(\w+)' failed \((\w+)", failed)
    return f"{match.group(1)}: {match.group(2)}" if match else failed[:60]


# --------------------------------------------------------------------------- targets
class Readers:
    """Bytes to a temporary file with a reader's ending, then ``read_paths``."""

    def __init__(self, tally: Tally, folder: Path):
        from eventwire.config import Settings
        self.tally, self.folder, self.settings = tally, folder, Settings()

    def run(self, ending: str, data: bytes) -> None:
        from eventwire.errors import ReadError
        from eventwire.ingest import read_paths
        from eventwire.records import Article
        path = self.folder / f"input{ending}"
        path.write_bytes(data)
        self.tally.tried["readers"] += 1
        started = time.perf_counter()
        try:
            for item in read_paths([path], settings=self.settings):
                problem = self._problem(item, path, Article, ReadError)
                if problem:
                    self.tally.add("readers", "crash", problem, problem, data)
        except Exception as exc:  # noqa: BLE001 - every escape is what the fuzzer looks for
            self.tally.add("readers", "crash", f"{type(exc).__name__}: {exc}"[:200],
                           f"{type(exc).__name__} at {innermost_eventwire_line(exc)}", data)
        self.tally.timed("readers", time.perf_counter() - started, SLOW_FILE_SECONDS, data)

    @staticmethod
    def _problem(item: object, path: Path, article: type, read_error: type) -> str | None:
        if isinstance(item, article):
            return None
        if not isinstance(item, read_error):
            return f"yielded {type(item).__name__}"
        if not item.source.startswith(str(path)) or "\n" in item.reason or not item.reason:
            return f"ReadError not one line naming the file: {str(item)[:80]!r}"
        return None


class Articles:
    """Decoded bytes as articles through ``Pipeline().analyse``, a few at a time."""

    def __init__(self, tally: Tally):
        from eventwire.pipeline import Pipeline
        self.tally, self.pipeline = tally, Pipeline()
        self.pipeline.warm_up()

    @staticmethod
    def _article(data: bytes, day: dt.date | None):
        from eventwire.records import Article
        return Article(text=data.decode("utf-8", errors="replace") or " ", published=day)

    def run(self, inputs: list[tuple[bytes, dt.date | None]]) -> None:
        self.tally.tried["pipeline"] += len(inputs)
        started = time.perf_counter()
        try:
            documents = self.pipeline.analyse([self._article(*pair) for pair in inputs])
        except Exception:  # noqa: BLE001 - find which article it was, one by one
            self._one_by_one(inputs)
            return
        if time.perf_counter() - started > SLOW_ARTICLE_SECONDS:
            self._one_by_one(inputs)  # which article was slow
            return
        self._note_failed(documents, inputs)

    def _one_by_one(self, inputs: list[tuple[bytes, dt.date | None]]) -> None:
        for data, day in inputs:
            started = time.perf_counter()
            try:
                documents = self.pipeline.analyse([self._article(data, day)])
            except Exception as exc:  # noqa: BLE001
                self.tally.add("pipeline", "crash", f"{type(exc).__name__}: {exc}"[:200],
                               f"{type(exc).__name__} at {innermost_eventwire_line(exc)}", data)
                continue
            self.tally.timed("pipeline", time.perf_counter() - started, SLOW_ARTICLE_SECONDS, data)
            self._note_failed(documents, [(data, day)])

    def _note_failed(self, documents: list, inputs: list[tuple[bytes, dt.date | None]]) -> None:
        for document, (data, _) in zip(documents, inputs):
            if document.failed and "stage '" in document.failed:
                self.tally.add("pipeline", "isolated", document.failed[:200],
                               stage_of(document.failed), data)


def publication_day(rng: random.Random) -> dt.date | None:
    if rng.random() < 0.2:
        return None
    return dt.date(1900, 1, 1) + dt.timedelta(days=rng.randrange(200 * 365))


# --------------------------------------------------------------------------- engines
def fuzz_readers(rng: random.Random, readers: Readers, seeds: list[tuple[str, bytes]],
                 until: float) -> None:
    while time.monotonic() < until:
        ending, data = rng.choice(seeds)
        if rng.random() < 0.1:
            ending = rng.choice(ENDINGS)  # a file under the wrong ending
        readers.run(ending, mutate(rng, data))


def fuzz_pipeline(rng: random.Random, articles: Articles, stories: list[bytes],
                  until: float) -> None:
    while time.monotonic() < until:
        articles.run([(mutate(rng, rng.choice(stories)), publication_day(rng))
                      for _ in range(PIPELINE_BATCH)])


def run_random(args: argparse.Namespace, tally: Tally, folder: Path) -> None:
    rng = random.Random(args.seed)
    shares = target_shares(args.target)
    if "readers" in shares:
        until = time.monotonic() + args.minutes * 60 * shares["readers"]
        fuzz_readers(rng, Readers(tally, folder), load_seeds(), until)
    if "pipeline" in shares:
        articles = Articles(tally)  # loading the models is not fuzzing time
        until = time.monotonic() + args.minutes * 60 * shares["pipeline"]
        fuzz_pipeline(rng, articles, story_seeds(), until)


def target_shares(targets: list[str]) -> dict[str, float]:
    """The share of the time each target gets; the slower pipeline gets more when both run."""
    if len(targets) == 1:
        return {targets[0]: 1.0}
    return {"readers": 1 - PIPELINE_SHARE, "pipeline": PIPELINE_SHARE}


def run_atheris_each(args: argparse.Namespace) -> None:
    """libFuzzer runs once per process: one child process per target, each reporting."""
    for target, share in target_shares(args.target).items():
        print(f"--- {target} (atheris, {args.minutes * share:.1f} min)", flush=True)
        subprocess.run([sys.executable, __file__, "--engine", "atheris", "--target", target,
                        "--minutes", str(args.minutes * share), "--seed", str(args.seed),
                        "--out", str(args.out)], check=False)


def run_atheris(args: argparse.Namespace, tally: Tally, folder: Path) -> None:
    """libFuzzer over one target; an input's first byte picks the reader's file ending (or
    whether the article has a publication date), the rest is the file or the article."""
    import atheris
    with atheris.instrument_imports(include=["eventwire"]):
        target = Readers(tally, folder) if args.target == ["readers"] else Articles(tally)
    until = time.monotonic() + args.minutes * 60
    corpus = _atheris_corpus(folder, isinstance(target, Readers))

    def one_input(data: bytes) -> None:
        if time.monotonic() > until:  # libFuzzer would exit without Python's clean-up
            report(tally, args.out)
            sys.stdout.flush()
            shutil.rmtree(folder, ignore_errors=True)
            os._exit(0)
        if not data:
            return
        if isinstance(target, Readers):
            target.run(ENDINGS[data[0] % len(ENDINGS)], data[1:])
        else:
            target.run([(data[1:], ATHERIS_PUBLISHED if data[0] % 2 else None)])

    def mutator(data: bytes, max_size: int, seed: int) -> bytes:
        rng = random.Random(seed)
        if len(data) < 2 or rng.random() < LIBFUZZER_SHARE:
            return atheris.Mutate(data, max_size)
        return (data[:1] + mutate(rng, data[1:]))[:max_size]

    args.out.mkdir(parents=True, exist_ok=True)  # where libFuzzer writes its own findings
    atheris.Setup([sys.argv[0], str(corpus), f"-max_len={MAX_BYTES}", "-rss_limit_mb=6144",
                   f"-seed={args.seed}", f"-artifact_prefix={args.out}/"], one_input,
                  custom_mutator=mutator)
    atheris.Fuzz()


def _atheris_corpus(folder: Path, readers: bool) -> Path:
    corpus = folder / "corpus"
    corpus.mkdir()
    if readers:
        seeds = [bytes([ENDINGS.index(ending)]) + data for ending, data in load_seeds()]
    else:
        seeds = [b"\x01" + story for story in story_seeds()]
    for seed in seeds:
        (corpus / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
    return corpus


# --------------------------------------------------------------------------- report
def report(tally: Tally, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    print("inputs tried: " + ", ".join(f"{t} {n:,}" for t, n in sorted(tally.tried.items())))
    kinds = Counter(finding.kind for finding in tally.findings.values())
    print(f"distinct crashes: {kinds['crash']}; distinct isolated article failures: "
          f"{kinds['isolated']}; targets with slow inputs: {kinds['slow']}")
    for (target, kind, where), finding in sorted(tally.findings.items()):
        name = f"{target}-{kind}-{hashlib.sha1(finding.example).hexdigest()[:12]}.bin"
        (out / name).write_bytes(finding.example)
        preview = finding.example[:PREVIEW_CHARS].decode("utf-8", errors="backslashreplace")
        print(f"\n[{target} {kind}] {where} x{finding.count}\n  {finding.what}\n"
              f"  input ({len(finding.example):,} bytes, {out / name}): {preview!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--target", nargs="+", choices=("readers", "pipeline"),
                        default=["readers", "pipeline"])
    parser.add_argument("--engine", choices=("random", "atheris"), default="random")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="folder for the first input of each finding")
    args = parser.parse_args()
    if args.engine == "atheris" and len(args.target) > 1:
        run_atheris_each(args)
        return
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="eventwire-fuzz-") as folder:
        if args.engine == "atheris":
            run_atheris(args, tally, Path(folder))
        else:
            run_random(args, tally, Path(folder))
    report(tally, args.out)


if __name__ == "__main__":
    main()
