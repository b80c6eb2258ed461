"""Extraction speed: characters per second over the sample corpus repeated to at least
1 MB, on one core after start-up, plus start-up time (dictionaries loaded) and peak memory.

    python bench/extract.py [--mb 1.0]

Prints its figures beside a baseline measured in the same run (a plain regex pass over
the same text), since this machine is noisy. Goals (loaders issue): >= 200,000 chars/s,
start-up < 2 s.
"""
from __future__ import annotations

import argparse
import re
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=1.0)
    a = ap.parse_args()
    sample = (ROOT / "corpus" / "zibo-2018-glossary.txt").read_text(encoding="utf-8")
    reps = max(1, int(a.mb * 1_000_000 / len(sample)) + 1)
    text = "\n".join([sample] * reps)

    t0 = time.perf_counter()
    from policykg.loaders.entities import _jieba, _patterns
    from policykg.loaders.gazetteer import gazetteer
    from policykg.loaders.pipeline import extract_text
    from policykg.loaders.quantities import _pattern

    gazetteer(), _patterns(), _pattern(), _jieba()
    extract_text(sample[:2000], "warmup.txt")
    startup = time.perf_counter() - t0

    t0 = time.perf_counter()
    baseline_hits = len(re.findall(r"\d+(?:\.\d+)?[万亿]?[个人户元]", text))
    baseline = time.perf_counter() - t0

    t0 = time.perf_counter()
    ex = extract_text(text, "bench.txt")
    elapsed = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    cps = len(text) / elapsed
    print(f"text: {len(text):,} characters ({reps} copies of the sample)")
    print(f"start-up (dictionaries loaded): {startup:.2f} s   goal < 2 s")
    print(f"extraction: {elapsed:.2f} s, {cps:,.0f} characters/s   goal >= 200,000")
    print(f"output: {len(ex.quads):,} quads, {ex.stats['observations']:,} observations")
    print(f"baseline (one regex pass, {baseline_hits} hits): {len(text) / baseline:,.0f} characters/s; "
          f"extraction is {baseline / elapsed:.4f} of baseline speed")
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")

    # a document naming thousands of distinct programs: the rules that compare names with
    # each other must stay near linear (they were quadratic once: 6,500 characters/s here)
    many = "。".join(f"实施“甲{i}乙”工程，推进“甲{i}”建设、“甲{i}乙丙”行动" for i in range(3000)) + "。"
    t0 = time.perf_counter()
    extract_text(many, "many-names.txt")
    elapsed = time.perf_counter() - t0
    print(f"many names: {len(many):,} characters, {elapsed:.2f} s, {len(many) / elapsed:,.0f} characters/s")


if __name__ == "__main__":
    main()
