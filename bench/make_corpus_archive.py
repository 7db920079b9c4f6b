#!/usr/bin/python3
"""Grow a run folder into K run folders of distinct documents, for `jixiao merge`.

    bench/make_corpus_archive.py RUN_DIR K OUT_BASE

Copy k (1..K-1) of RUN_DIR gets archive.sqlite and manifest.csv with every
SHA-256 changed in its last 4 hex digits and every path put under "copyk/", so
`jixiao merge RUN_DIR OUT_BASE/copy1 ... --out BIG` builds an archive of K
times as many documents (the text of copies is the same as the originals; the
full-text and figure indexes are rebuilt by merge). Used by
bench/run_search_bench.sh to make the 10,000-document archive from a
1,000-document run.
"""
import csv
import os
import shutil
import sqlite3
import sys


def main():
    run_dir, k, base = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(base, exist_ok=True)
    src = sqlite3.connect(os.path.join(run_dir, "archive.sqlite"))
    src.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    src.close()
    for i in range(1, k):
        d = os.path.join(base, f"copy{i}")
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        shutil.copy(os.path.join(run_dir, "archive.sqlite"), os.path.join(d, "archive.sqlite"))
        con = sqlite3.connect(os.path.join(d, "archive.sqlite"))
        suffix = f"{i:04x}"
        con.execute("UPDATE documents SET sha256 = substr(sha256, 1, 60) || ?, path = ? || path", (suffix, f"copy{i}/"))
        con.commit()
        con.close()
        with open(os.path.join(run_dir, "manifest.csv"), encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        for r in rows[1:]:
            if len(r[1]) == 64:
                r[1] = r[1][:60] + suffix
            r[0] = f"copy{i}/" + r[0]
            if r[6]:
                r[6] = f"copy{i}/" + r[6]
        with open(os.path.join(d, "manifest.csv"), "w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f, lineterminator="\r\n").writerows(rows)
    print(f"make_corpus_archive: {k - 1} copies of {run_dir} under {base}")


if __name__ == "__main__":
    main()
