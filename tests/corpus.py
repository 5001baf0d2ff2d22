"""Small generated news articles for the engine, crash and concurrency tests.

Generated, not copied: PolNeAR's texts belong to their publishers and must
not live in the repository.  Each article mixes the patterns the engine
looks for (direct quotes with "X said", reported claims, "according to",
a channel) so that most articles yield several attributions, and each seed
gives a different text (articles are keyed by a hash of their text).
"""
from __future__ import annotations

import os
import random
from pathlib import Path

PEOPLE = [
    ("Maria Lopez", "Finance Minister"), ("John Carter", "Senator"),
    ("Aiko Tanaka", "the mayor"), ("Peter Novak", "a union leader"),
    ("Sarah Green", "the company's chief executive"), ("David Okafor", "Governor"),
    ("Elena Petrova", "a government spokeswoman"), ("Tom Fischer", "the police chief"),
]
ORGANIZATIONS = ["the Health Ministry", "the central bank", "the city council", "the electoral commission"]
TOPICS = [
    ("the budget", "spending would rise next year", "We cannot cut schools and hospitals"),
    ("the strike", "talks would resume on Monday", "Workers deserve a fair deal"),
    ("the flood", "the river had peaked overnight", "Everyone must stay away from the banks"),
    ("the election", "turnout had been higher than expected", "This is a good day for democracy"),
    ("the merger", "the deal would close in the spring", "Our customers will not pay more"),
    ("the vaccine", "supplies would arrive within weeks", "The doses are safe and effective"),
]
CHANNELS = ["told Reuters", "said in a statement", "told reporters at a news conference", "wrote on Twitter"]
PLACES = ["Lisbon", "Nairobi", "Denver", "Osaka", "Gdansk", "Porto Alegre"]


def make_article(seed: int) -> str:
    """A short news article (about 150 words) that differs for every seed."""
    rng = random.Random(seed)
    (name, role), (other, other_role) = rng.sample(PEOPLE, 2)
    topic, claim, quote = rng.choice(TOPICS)
    org = rng.choice(ORGANIZATIONS)
    place = rng.choice(PLACES)
    surname = name.split()[-1]
    paragraphs = [
        f"{place} officials discuss {topic} (report {seed})",
        f"{role} {name} said on {rng.choice(['Monday', 'Tuesday', 'Friday'])} that {claim}.",
        f"\u201c{quote},\u201d {surname} {rng.choice(CHANNELS)}. \u201cWe will keep working on it.\u201d",
        f"According to {org}, about {rng.randint(2, 900)} people were affected in {place}.",
        f"{other_role} {other} disagreed. \"That is simply not true,\" {other.split()[-1]} said, "
        f"adding that the plan needed {rng.randint(2, 40)} more weeks.",
        f"The meeting in {place} ended without a vote, and a new session is planned for "
        f"{rng.choice(['June', 'July', 'September'])} {rng.randint(1, 28)}.",
    ]
    return "\n\n".join(paragraphs) + "\n"


def write_corpus(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed in range(start, start + count):
        path = folder / f"article-{seed:04d}.txt"
        path.write_text(make_article(seed), encoding="utf-8")
        paths.append(path)
    return paths


class HostileText(str):
    """Article text that misbehaves only inside a worker process, when analysis measures it.

    ``mode`` "slow" sleeps for ten minutes (in C: nothing can stop it from
    inside); "spin" runs a Python loop for ten minutes; "hog" grows memory by
    20 MB every 50 ms up to 3 GB.  In the process that made it, it is an
    ordinary string.
    """

    def __new__(cls, value: str, mode: str):
        text = super().__new__(cls, value)
        text.mode, text.owner = mode, os.getpid()
        return text

    def __reduce__(self):
        return _hostile_text, (str.__str__(self), self.mode, self.owner)

    def __len__(self):
        if os.getpid() != self.owner:
            import time
            if self.mode == "slow":
                time.sleep(600)
            end = time.monotonic() + 600
            while self.mode == "spin" and time.monotonic() < end:
                pass
            hoard = []
            while self.mode == "hog" and len(hoard) < 150:
                hoard.append(bytearray(20 * 2**20))
                time.sleep(0.05)
        return str.__len__(self)


def _hostile_text(value: str, mode: str, owner: int) -> HostileText:
    text = HostileText(value, mode)
    text.owner = owner
    return text
