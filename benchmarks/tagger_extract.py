"""Extraction seconds on the first N PolNeAR dev articles (parses cached), one
torch thread, with the tagger QUOTES_TAGGER names (the shipped one when unset):

    QUOTES_TAGGER=build/tagger-finetune.pt python benchmarks/tagger_extract.py 10

Run from the repository root (reads ../shared/data/polnear)."""
import sys, time, resource, torch
torch.set_num_threads(1)
from quotes.polnear import load_split
from quotes.evaluation import predict
from quotes.attribution.tagger.loading import bundled_tagger, tagger_path
n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
articles = load_split("../shared/data/polnear", "dev", limit=n)
t = time.time(); tagger = bundled_tagger(); load = time.time() - t
print(f"tagger {tagger_path()} loaded in {load:.2f}s; fine-tuned encoder: {getattr(tagger, 'encoder', None) is not None}")
predict(articles[:1])  # warm: parse-cache read, first encoder call
timings = {}
t = time.time(); out = predict(articles, timings=timings); wall = time.time() - t
words = sum(len(a.text.split()) for a in articles)
print(f"{n} articles ({words} whitespace words): extraction {wall:.2f}s (parses read from cache included)")
print("stages:", {k: round(v, 2) for k, v in sorted(timings.items(), key=lambda kv: -kv[1])[:6]})
print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6:.2f} GB; records {sum(len(r) for r in out)}")
