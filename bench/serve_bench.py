#!/usr/bin/python3
"""Response times of `jixiao serve` over a run folder.

    bench/serve_bench.py JIXIAO RUN_DIR [--rounds 20]

Starts `jixiao serve RUN_DIR --listen 127.0.0.1:0 --cache TMP` (an empty page
cache) and times, over one kept-alive connection on loopback (the time of a
request as the page sees it, less the browser's own work):
  overview   GET /api/documents with the overview's variants: the first page,
             sorted by another column, a later page, filtered by code,
             severity, unit, year, a search word, a review status;
  document   GET /api/documents/{id} of random documents with findings;
  source     GET /api/findings/{id}/source of PDF evidence whose file is
             there: first render (poppler page_renderer, PNG written to the
             cache) and cached.
Prints p50 / p95 / max per kind. Goal: overview p95 <= 100 ms on 10,000
documents (bench/run_serve_bench.sh builds that archive).
"""
import http.client
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    args = sys.argv[1:]
    rounds = 20
    if "--rounds" in args:
        i = args.index("--rounds")
        rounds = int(args[i + 1])
        del args[i:i + 2]
    jixiao, run_dir = args
    cache = tempfile.mkdtemp(prefix="jixiao-serve-bench-")
    proc = subprocess.Popen([jixiao, "serve", run_dir, "--listen", "127.0.0.1:0", "--cache", cache],
                            stdout=subprocess.PIPE, text=True)
    try:
        port = None
        for line in proc.stdout:
            m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if m:
                port = int(m.group(1))
                break
        conn = http.client.HTTPConnection("127.0.0.1", port)

        def get(path):
            t0 = time.perf_counter()
            conn.request("GET", path)
            res = conn.getresponse()
            body = res.read()
            ms = (time.perf_counter() - t0) * 1000
            if res.status != 200:
                raise SystemExit(f"{path}: {res.status} {body[:200]!r}")
            return ms, body, res

        first = json.loads(get("/api/documents?per_page=1")[1])
        total = first["total"]
        codes = json.loads(get("/api/codes")[1])
        code = max(codes["codes"], key=lambda c: c["documents"])["code"] if codes["codes"] else ""
        unit = codes["units"][len(codes["units"]) // 2] if codes["units"] else ""
        year = codes["years"][0] if codes["years"] else 2024
        family = codes["families"][0]["family"] if codes.get("families") else "whole_report"
        q = urllib.parse.quote
        overview = [
            "/api/documents", "/api/documents?sort=rate&order=desc", "/api/documents?page=100",
            f"/api/documents?code={code}", "/api/documents?severity=error", f"/api/documents?unit={q(unit[:4])}",
            f"/api/documents?year={year}", f"/api/documents?q={q('沙龙')}", "/api/documents?review=todo",
            f"/api/documents?code={code}&severity=warning&sort=score",
            f"/api/documents?family={family}&sort=family",
        ]
        get(overview[0])  # warm-up
        times = {"overview": [], "document": [], "source first": [], "source cached": []}
        for _ in range(rounds):
            for path in overview:
                times["overview"].append(get(path)[0])
        ids = [d["id"] for d in json.loads(get("/api/documents?per_page=500&severity=error")[1])["documents"]]
        random.seed(1)
        pdf_evidence = []
        for doc_id in random.sample(ids, min(len(ids), rounds * 5)):
            ms, body, _ = get("/api/documents/" + doc_id)
            times["document"].append(ms)
            doc = json.loads(body)
            if doc["format"] == "pdf":
                for f in doc["findings"]:
                    if f["evidence"] and f["evidence"][0]["page"]:
                        pdf_evidence.append(f["id"])
                        break
        for fid in pdf_evidence[:rounds]:
            ms, _, res = get(f"/api/findings/{fid}/source")
            if res.getheader("Content-Type") != "image/png":
                continue  # the file is not where the run read it (a grown archive's copy): text view
            if res.getheader("X-Jixiao-Cache") == "miss":
                times["source first"].append(ms)
            times["source cached"].append(get(f"/api/findings/{fid}/source")[0])
        print(f"serve bench: {total} documents in {run_dir}, {rounds} rounds")
        for kind, values in times.items():
            if values:
                print(f"  {kind:14s} n={len(values):4d}  p50 {pct(values, 50):7.1f} ms  p95 {pct(values, 95):7.1f} ms"
                      f"  max {max(values):7.1f} ms")
            else:
                print(f"  {kind:14s} none")
    finally:
        proc.terminate()
        proc.wait()
        shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
