"""``quotes ingest``: read articles, analyse them on an engine, store each as it arrives.

    summary = quotes.ingest(["news/"], db="db/quotes.db", workers=2)
    print(summary.line())

Articles already stored by the same extractor version are not sent to the
engine at all, so an interrupted run resumes where it stopped.  This process
is the single writer: each analysed article is committed in its own
transaction as soon as it comes back, in whatever order the engine returns.
"""
from __future__ import annotations

import functools

import sqlite3
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from quotes.engines import AnalyzedArticle, get_engine
from quotes.read import JSONL_SUFFIXES, Skipped, list_sources, read_source
from quotes.records import Article
from quotes.settings import DEFAULT_DB
from quotes.store.errors import StoreError, describe_error
from quotes.store.opening import open_db
from quotes.store.write import NEW, REPLACED, article_id, stored_ids, write_article

ENGINES = ("serial", "processes", "dask")


@dataclass
class IngestSummary:
    articles: int = 0            # usable articles read (new, replaced or already stored)
    new: int = 0
    replaced: int = 0            # stored before by another extractor version
    unchanged: int = 0           # already stored by this version (or read twice in this run)
    failed: int = 0              # read, but analysis or storing failed (reason in skipped)
    quotes: int = 0              # quotes written in this run
    speakers: set[str] = field(default_factory=set)   # speakers of the quotes written
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[Skipped] = field(default_factory=list)   # stored, but doubtful (e.g. a page read short)
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)   # stage -> summed seconds
    db: str = ""

    @property
    def ok(self) -> bool:
        return not self.skipped

    def line(self) -> str:
        return (f"{self.articles} article{_s(self.articles)} ({self.new} new, {self.replaced} replaced, "
                f"{self.unchanged} already stored{f', {self.failed} failed' if self.failed else ''}), {self.quotes} quote{_s(self.quotes)}, "
                f"{len(self.speakers)} speaker{_s(len(self.speakers))}, {len(self.skipped)} skipped, "
                f"{self.seconds:.1f} s -> {self.db}")

    def to_dict(self) -> dict:
        return {"articles": self.articles, "new": self.new, "replaced": self.replaced,
                "unchanged": self.unchanged, "failed": self.failed, "quotes": self.quotes, "speakers": len(self.speakers),
                "skipped": [{"source": s.source, "reason": s.reason} for s in self.skipped],
                "warnings": [{"source": s.source, "reason": s.reason} for s in self.warnings],
                "seconds": round(self.seconds, 3), "timings": self.timings, "db": self.db}


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def current_extractor_version() -> str:
    """What produced the records: package version, model set, and a hash of
    everything that decides them (``extractor_fingerprint``).

    Stored per article; an article stored by another version is re-analysed
    on the next ingest, so a changed rule, lexicon word or tagger weight
    reaches a stored corpus without ``--reanalyse``.
    """
    parts = []
    try:
        from quotes import __version__
        parts.append(f"quotes-{__version__}")
        from quotes.nlp.resolve import resolve_models
        parts.append(f"models-{resolve_models().source}")
        parts.append(extractor_fingerprint())
    except Exception:  # noqa: BLE001 - a version string must never stop an ingest
        pass
    return "+".join(parts)


# the code and word lists records come from (reading and storing do not change them)
_DECIDING = ("attribution", "text", "nlp")


@functools.lru_cache(maxsize=4)
def extractor_fingerprint(package: Path = Path(__file__).parent, tagger: Optional[Path] = None) -> str:
    """Twelve hex digits over the attribution, text and parser code and word
    lists under ``package``, the tagger file in use and the Stanza model
    files' names and sizes."""
    import hashlib

    from quotes.attribution.tagger.loading import tagger_path
    from quotes.nlp.resolve import resolve_models

    digest = hashlib.sha1()
    for folder in _DECIDING:
        for path in sorted((package / folder).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".json", ".txt", ".tsv") and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(package)).encode())
                digest.update(path.read_bytes())
    tagger = tagger or tagger_path()
    if tagger.exists():
        digest.update(tagger.read_bytes())
    models = resolve_models()
    for name, model in sorted((models.paths or {}).items()):
        if model and Path(model).exists():
            digest.update(f"{name}:{Path(model).name}:{Path(model).stat().st_size}".encode())
    return digest.hexdigest()[:12]


def ingest(paths: Iterable[Union[str, Path]], db: Union[str, Path] = DEFAULT_DB, workers: int = 1,
           engine: str = "serial", scheduler: Optional[str] = None, glob: Optional[str] = None,
           progress: bool = True, extractor_version: Optional[str] = None,
           reanalyse: bool = False) -> IngestSummary:
    """Read ``paths`` (files, folders, JSONL, ``-``), analyse new articles, store them in ``db``;
    with ``reanalyse``, analyse and replace articles already stored by this version too.

    Raises ``StoreError`` (one line naming the file) when the database cannot be
    used; bad input never raises, it lands in ``summary.skipped``.
    """
    started = time.perf_counter()
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: use {', '.join(ENGINES)}")
    if engine == "serial" and workers > 1:
        engine = "processes"
    database = open_db(db)
    version = extractor_version or current_extractor_version()
    summary = IngestSummary(db=str(db))
    sources = []
    for source in list_sources(paths, glob):
        (summary.skipped if isinstance(source, Skipped) else sources).append(source)
    bar = _progress_bar(sources, progress)
    already = set() if reanalyse else stored_ids(database, version)

    def fresh_articles() -> Iterator[Article]:
        seen: set[str] = set()
        for source in sources:
            for item in _guarded(source):
                if isinstance(item, Skipped):
                    summary.skipped.append(item)
                    bar.update()
                    continue
                summary.articles += 1
                if item.warning:
                    summary.warnings.append(Skipped(item.source, item.warning))
                aid = article_id(item.text)
                if aid in already or aid in seen:
                    summary.unchanged += 1
                    bar.update()
                    continue
                seen.add(aid)
                yield item

    run = get_engine(engine)
    results = run(fresh_articles()) if engine == "serial" else run(
        fresh_articles(), workers=workers, scheduler=scheduler)
    try:
        for result in results:
            _store(database, result, version, summary, reanalyse)
            bar.update()
    finally:
        getattr(results, "close", lambda: None)()
        bar.close()
        database.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _guarded(source) -> Iterator[Union[Article, Skipped]]:
    """The source's items; a reader failing in a way nobody foresaw skips the rest of that source only."""
    try:
        yield from read_source(source)
    except Exception as error:  # noqa: BLE001 - one source must not end the batch
        yield Skipped(str(source), f"could not be read: {type(error).__name__}: {error}")


def _store(database, result: AnalyzedArticle, version: str, summary: IngestSummary,
           reanalyse: bool = False) -> None:
    for stage, seconds in (result.timings or {}).items():
        summary.timings[stage] = summary.timings.get(stage, 0.0) + seconds
    if result.error:
        summary.failed += 1
        summary.skipped.append(Skipped(result.article.source, f"analysis failed: {result.error}"))
        return
    started = time.perf_counter()
    try:
        written = write_article(database, result.article, result.attributions, version,
                                replace_same_version=reanalyse)
    except sqlite3.IntegrityError as error:
        # this article's records break a constraint; its transaction rolled back, the batch goes on
        summary.failed += 1
        summary.skipped.append(Skipped(result.article.source, f"could not store: {error}"))
        return
    except sqlite3.DatabaseError as error:
        # locked past the busy timeout, disk full, corrupted: nothing more can be stored
        raise StoreError(describe_error(summary.db, error)) from None
    except (TypeError, ValueError, KeyError) as error:
        summary.failed += 1
        summary.skipped.append(Skipped(result.article.source, f"could not store: {type(error).__name__}: {error}"))
        return
    summary.timings["store"] = summary.timings.get("store", 0.0) + time.perf_counter() - started
    if written.status == NEW:
        summary.new += 1
    elif written.status == REPLACED:
        summary.replaced += 1
    else:
        summary.unchanged += 1
    summary.quotes += written.quotes
    summary.speakers |= written.speakers


def _progress_bar(sources: list, enabled: bool):
    from tqdm import tqdm

    total = 0
    for source in sources:
        if not isinstance(source, Path):
            total = None  # stdin: unknown length
            break
        total += _count_lines(source) if source.suffix.lower() in JSONL_SUFFIXES else 1
    return tqdm(total=total, unit="article", disable=not enabled, file=sys.stderr, dynamic_ncols=True)


def _count_lines(path: Path) -> int:
    """Lines in a JSONL file, counted in 1 MB chunks (one line may be huge)."""
    try:
        with path.open("rb") as handle:
            lines, last = 0, b"\n"
            while chunk := handle.read(1 << 20):
                lines += chunk.count(b"\n")
                last = chunk[-1:]
            return lines + (last != b"\n")
    except OSError:
        return 1
