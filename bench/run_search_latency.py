#!/usr/bin/python3
"""Latency of `jixiao search` over an archive.

    bench/run_search_latency.py JIXIAO ARCHIVE [--rounds 5]

Runs a fixed mix of queries (2-character words common and rare, longer words,
phrases, Latin words, amounts, filters, one single character, which is
answered by a scan) `--rounds` times each and prints p50 and p95 of the
search time measured inside jixiao (elapsed_ms of --format json: query,
ranking, confirming hits in the text, snippets) and of the whole process
(start, open, search, print), then the median of each query. A warm-up
round runs first and is not counted.
"""
import json
import subprocess
import sys
import time

QUERIES = [
    ["预算"], ["资金"], ["绩效"], ["沙龙"], ["走访"], ["执行率"], ["工商业联合会"], ["基本支出"],
    ["走访企业80余次"], ["举办沙龙4期"], ["三公经费"], ["满意度"], ["偏差原因分析"], ["广洲"],
    ["24万元"], ["240000元"], ["7189.8万元"], ["预算", "--year", "2024"], ["资金", "--unit", "工商"],
    ["绩效", "--code", "FIGURE_CONFLICT"], ["预算 执行率"], ["PDF"], ["没有这个词语"], ["项目支出", "--limit", "50"], ["洲"],
]


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    binary, archive = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 5
    inner, outer, hits, per_query = [], [], {}, {}
    # One unmeasured round first: the figures are for an archive in the page
    # cache, as it is on a machine that searches it; the first query of all
    # (reading from disk after a run) is printed apart.
    t0 = time.perf_counter()
    subprocess.run([binary, "search", archive, QUERIES[0][0], "--format", "json"], capture_output=True)
    first = (time.perf_counter() - t0) * 1000
    for q in QUERIES:
        subprocess.run([binary, "search", archive, *q, "--format", "json"], capture_output=True)
    for _ in range(rounds):
        for q in QUERIES:
            t0 = time.perf_counter()
            p = subprocess.run([binary, "search", archive, *q, "--format", "json"], capture_output=True, text=True)
            outer.append((time.perf_counter() - t0) * 1000)
            if p.returncode == 2:
                sys.exit(f"search {q} failed: {p.stderr}")
            j = json.loads(p.stdout)
            inner.append(j["elapsed_ms"])
            per_query.setdefault(" ".join(q), []).append(j["elapsed_ms"])
            hits[" ".join(q)] = len(j["hits"])
    print(f"queries          {len(QUERIES)} x {rounds} rounds")
    print(f"search (inside)  p50 {pct(inner, 50):.1f} ms, p95 {pct(inner, 95):.1f} ms, max {max(inner):.1f} ms   (goal p95 <= 50 ms)")
    print(f"process (wall)   p50 {pct(outer, 50):.1f} ms, p95 {pct(outer, 95):.1f} ms")
    print(f"first query      {first:.0f} ms (whole process, before the warm-up round)")
    print("hits per query   " + ", ".join(f"{k}: {v}" for k, v in hits.items()))
    print("median per query " + ", ".join(f"{k}: {pct(v, 50):.1f} ms" for k, v in per_query.items()))


if __name__ == "__main__":
    main()
