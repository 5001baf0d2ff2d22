"""Generate a large quotes database with the real schema, for search and facet timing.

The schema comes from ``quotes.store.opening.open_db`` (tables, indexes, view,
FTS5 with triggers), rows go in with sqlite-utils.  Values follow the skewed
shapes of real news: a few speakers and cues take most quotes (Zipf), most
quotes have no channel, words in contents follow a Zipf law so common and
rare search terms both exist.
"""
from __future__ import annotations

import random
import string
import time
from pathlib import Path

KINDS = [("direct", 40), ("indirect", 50), ("mixed", 10)]
CUES = ["said", "says", "told", "added", "according to", "announced", "claimed", "argued",
        "warned", "stated", "wrote", "noted", "insisted", "explained", "asked", "believes",
        "accused", "called on", "denied", "suggested", "reported", "confirmed", "tweeted",
        "urged", "acknowledged", "predicted", "promised", "estimated", "recalled", "replied"]
CHANNELS = ["Reuters", "AFP", "AP", "press release", "statement", "Twitter", "news conference",
            "interview", "CNN", "Fox News", "BBC", "the New York Times", "Facebook", "radio",
            "television", "briefing", "speech", "letter", "blog", "podcast"]
PUBLISHERS = ["Reuters", "AP", "AFP", "BBC", "CNN", "Fox News", "Breitbart", "HuffPost", "NYT",
              "Washington Post", "Guardian", "Politico", "The Hill", "Vox", "NPR", "Bloomberg"]
COMMON_WORDS = ("the of and to a in that is for it on with as was he be at by this had not are "
                "but from or have an they which one you were her all she there would their we him "
                "been has when who will more no if out so said what up its about into than them can "
                "only other new some could time these two may then do first any my now such like our "
                "over man me even most made after also did many before must through back years where "
                "much your way well down should because each just those people how too little state "
                "good very make world still own see men work long get here between both life being "
                "under never day same another know while last might us great old year off come since "
                "against go came right used take three").split()
TOPIC_WORDS = ("election economy tax border vaccine climate police court senate congress budget war "
               "peace trade jobs health school immigration wall debate campaign voters poll refugee "
               "terror security energy oil inflation strike union protest crime justice reform "
               "healthcare insurance pipeline nuclear missile sanctions treaty summit ceasefire").split()


def _pseudo_words(rng: random.Random, count: int) -> list[str]:
    letters = string.ascii_lowercase
    return ["".join(rng.choice(letters) for _ in range(rng.randint(4, 10))) for _ in range(count)]


class Vocabulary:
    """Words drawn with Zipf-like weights: index i has weight 1 / (i + 1)."""

    def __init__(self, rng: random.Random, size: int = 20_000):
        self.words = COMMON_WORDS + TOPIC_WORDS + _pseudo_words(rng, size)
        self.cumulative = []
        total = 0.0
        for rank in range(len(self.words)):
            total += 1.0 / (rank + 1)
            self.cumulative.append(total)
        self.rng = rng

    def sentence(self, low: int, high: int) -> str:
        count = self.rng.randint(low, high)
        picks = self.rng.choices(self.words, cum_weights=self.cumulative, k=count)
        return " ".join(picks).capitalize() + "."


def _zipf_index(rng: random.Random, size: int, skew: float = 1.1) -> int:
    # inverse-transform for a bounded Pareto: small indexes far more often
    value = int((rng.paretovariate(skew) - 1) * size / 50)
    return min(value, size - 1)


def speaker_rows(rng: random.Random, count: int) -> list[dict]:
    first = _pseudo_words(rng, 400)
    last = _pseudo_words(rng, 2_000)
    names, rows = set(), []
    while len(rows) < count:
        name = f"{rng.choice(first).title()} {rng.choice(last).title()}"
        if name in names:
            continue
        names.add(name)
        kind = rng.choices(["person", "organization", "country", "unknown"], [80, 12, 3, 5])[0]
        rows.append({"id": len(rows) + 1, "name": name, "type": kind, "key": f"{kind}:{name.lower()}",
                     "role": rng.choice([None, "senator", "spokesman", "minister", "CEO"])})
    return rows


def article_rows(rng: random.Random, vocab: Vocabulary, count: int) -> list[dict]:
    rows = []
    for number in range(count):
        year = rng.randint(2015, 2024)
        rows.append({
            "id": f"{number:020x}", "title": vocab.sentence(5, 12), "url": f"https://example.org/{number}",
            "publisher": rng.choice(PUBLISHERS), "author": None,
            "published": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "language": "en", "source": f"generated/{number}.txt",
            "text": vocab.sentence(40, 80), "quote_count": 0,
            "extractor_version": "generated", "ingested_at": "2024-01-01T00:00:00+00:00",
        })
    return rows


def quote_rows(rng: random.Random, vocab: Vocabulary, count: int, articles: list, speakers: int):
    kinds, kind_weights = zip(*KINDS)
    for number in range(count):
        article = articles[rng.randrange(len(articles))]
        content = vocab.sentence(6, 30)
        speaker = _zipf_index(rng, speakers) + 1 if rng.random() < 0.9 else None
        channel = _zipf_index(rng, len(CHANNELS)) + 1 if rng.random() < 0.35 else None
        yield {
            "id": number + 1, "article_id": article["id"],
            "publisher": article["publisher"], "published": article["published"],
            "speaker_id": speaker, "channel_id": channel,
            "kind": rng.choices(kinds, kind_weights)[0], "content": content,
            "content_start": 0, "content_end": len(content), "content_spans": f"[[0, {len(content)}]]",
            "cue": CUES[_zipf_index(rng, len(CUES))], "cue_start": None, "cue_end": None,
            "speaker_mention": None, "speaker_start": None, "speaker_end": None, "role": None,
            "speaker_type": rng.choices(["person", "organization", "country", "unknown"], [80, 12, 3, 5])[0],
            "channel_mention": None, "confidence": round(rng.random(), 4), "sentence": rng.randint(0, 40),
            "context": content,
        }


def generate(path: Path, quotes: int, articles: int, speakers: int, seed: int = 5) -> dict:
    """Write a fresh database at ``path``; returns row counts and the time taken."""
    from quotes.store.opening import open_db

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    rng = random.Random(seed)
    vocab = Vocabulary(rng)
    db = open_db(path)
    with db.conn:
        db["speakers"].insert_all(speaker_rows(rng, speakers), batch_size=5_000)
        db["channels"].insert_all(({"id": i + 1, "name": n} for i, n in enumerate(CHANNELS)))
        db["articles"].insert_all(article_rows(rng, vocab, articles), batch_size=2_000)
    article_list = [dict(row) for row in db.query("select id, publisher, published from articles order by rowid")]
    # quotes in chunks, each its own transaction, as ingest would write them
    rows = quote_rows(rng, vocab, quotes, article_list, speakers)
    while True:
        chunk = [row for _, row in zip(range(50_000), rows)]
        if not chunk:
            break
        with db.conn:
            db["quotes"].insert_all(chunk, batch_size=2_000)
    with db.conn:
        db.execute("update articles set quote_count = (select count(*) from quotes where article_id = articles.id)")
    db.conn.close()
    return {"quotes": quotes, "articles": articles, "speakers": speakers,
            "seconds": round(time.perf_counter() - started, 1),
            "size_mb": round(path.stat().st_size / 1e6, 1)}
