#!/usr/bin/env python3
"""Validates jixiao's JSON output against schemas/ (run by ctest).

validate.py JIXIAO SCHEMA_DIR FILE...: for every FILE, `jixiao extract
--format json` must fit document.schema.json and `jixiao check --format json`
must fit findings.schema.json.
"""
import json
import subprocess
import sys

import jsonschema


def main():
    jixiao, schema_dir, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(f"{schema_dir}/document.schema.json", encoding="utf-8") as f:
        document_schema = json.load(f)
    with open(f"{schema_dir}/findings.schema.json", encoding="utf-8") as f:
        report_schema = json.load(f)
    failures = 0
    for path in files:
        for args, schema in ((["extract", "--format", "json"], document_schema),
                             (["check", "--format", "json"], report_schema)):
            run = subprocess.run([jixiao, *args, path], capture_output=True, text=True)
            if run.returncode not in (0, 1):
                print(f"FAIL {path}: jixiao {args[0]} exited {run.returncode}: {run.stderr.strip()}")
                failures += 1
                continue
            try:
                jsonschema.validate(json.loads(run.stdout), schema)
                print(f"ok   {path} ({args[0]})")
            except jsonschema.ValidationError as e:
                print(f"FAIL {path} ({args[0]}): {e.message} at {list(e.absolute_path)}")
                failures += 1
    print(f"{len(files) * 2 - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
