#!/usr/bin/python3
"""Grow a run folder's archive to N documents, for bench/serve_bench.py.

    bench/make_serve_archive.py RUN_DIR N OUT_DIR

OUT_DIR/archive.sqlite gets the documents of RUN_DIR and copies of them until
there are N: copy k of a document has its SHA-256 changed in the last 8 hex
digits, its path under "copyk/", its unit suffixed " k%50" (50 units more),
and its reports, texts, blocks, tables, facts, findings and finding ids (new
ids) copied in plain SQL. The full-text index is not grown (a search word
finds the originals only); everything the overview and the document view read
is. input_roots is kept, so the originals' files are still found.
"""
import os
import shutil
import sqlite3
import sys


def cols(con, table, skip=()):
    return [r[1] for r in con.execute(f"PRAGMA table_info({table})") if r[1] not in skip]


def main():
    run_dir, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(out, exist_ok=True)
    src = sqlite3.connect(os.path.join(run_dir, "archive.sqlite"))
    src.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    src.close()
    db = os.path.join(out, "archive.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    shutil.copy(os.path.join(run_dir, "archive.sqlite"), db)
    con = sqlite3.connect(db)
    base = [r[0] for r in con.execute("SELECT id FROM documents WHERE removed = 0 ORDER BY id")]
    doc_cols = cols(con, "documents", ("id",))
    k = 0
    while len(base) * (k + 1) < n:
        k += 1
        left = n - len(base) * k
        ids = base[:left]
        con.execute("BEGIN")
        con.execute("CREATE TEMP TABLE IF NOT EXISTS m(old INTEGER PRIMARY KEY, new INTEGER, old_sha TEXT, new_sha TEXT)")
        con.execute("DELETE FROM m")
        sel = []
        for c in doc_cols:
            if c == "sha256":
                sel.append(f"substr(sha256, 1, 56) || printf('%08x', {k})")
            elif c == "path":
                sel.append(f"'copy{k}/' || path")
            elif c == "unit":
                sel.append(f"CASE WHEN unit IS NULL OR unit = '' THEN unit ELSE unit || ' {k % 50}' END")
            else:
                sel.append(c)
        q = ",".join("?" * len(ids))
        con.execute(f"INSERT INTO documents({','.join(doc_cols)}) SELECT {','.join(sel)} FROM documents WHERE id IN ({q})", ids)
        con.execute(f"INSERT INTO m SELECT o.id, n.id, o.sha256, n.sha256 FROM documents o JOIN documents n"
                    f" ON n.sha256 = substr(o.sha256, 1, 56) || printf('%08x', {k}) WHERE o.id IN ({q})", ids)
        con.execute("INSERT INTO reports SELECT m.new, r.report FROM reports r JOIN m ON r.doc_id = m.old")
        tcols = cols(con, "texts", ("id",))
        con.execute(f"INSERT INTO texts SELECT (m.new << 20) | (t.id & 1048575), {','.join('t.' + c for c in tcols)}"
                    f" FROM m JOIN texts t ON t.id BETWEEN (m.old << 20) AND (m.old << 20) + 1048575")
        for table in ("blocks", "tables", "facts", "findings"):
            rest = cols(con, table, ("doc_id",))
            con.execute(f"INSERT INTO {table} SELECT m.new, {','.join('x.' + c for c in rest)} FROM {table} x"
                        f" JOIN m ON x.doc_id = m.old")
        fcols = cols(con, "finding_ids", ("id", "sha256"))
        con.execute(f"INSERT INTO finding_ids(id, sha256, {','.join(fcols)}) SELECT substr(f.id, 1, 8) || printf('%08x', {k}),"
                    f" m.new_sha, {','.join('f.' + c for c in fcols)} FROM finding_ids f JOIN m ON f.sha256 = m.old_sha")
        con.execute("COMMIT")
    con.execute("ANALYZE")
    total = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    con.close()
    print(f"make_serve_archive: {total} documents in {db} ({k} copies of {len(base)})")


if __name__ == "__main__":
    main()
