#!/usr/bin/env python3
"""Make the scale set for bench/index.sh: N copies (default 8) of a JSON Lines file of articles,
each copy with distinct ids and urls and its dates shifted, written as gzipped JSON Lines.

    python3 bench/make_scale_set.py ../shared/data/allsides/all-articles.jsonl.gz /tmp/scale.jsonl.gz

Copy k (0-based) of a record gets `ID` + "-copyK", `url` + "?copy=K" (or "&copy=K"), and its
`date` (YYYY-MM-DD) moved K * 400 days later; copy 0 is the input unchanged. Bodies are kept
as they are, so that the same quotes appear in 8 articles (as syndicated copies do). Streams the
input and the output; writes to OUT.tmp and renames at the end, so a half-written set is never
taken for a whole one. Prints the number of records written.
"""
import datetime
import gzip
import json
import os
import sys


def shifted(date, days):
    try:
        d = datetime.date.fromisoformat(date[:10])
    except (TypeError, ValueError):
        return date
    return (d + datetime.timedelta(days=days)).isoformat() + date[10:]


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: make_scale_set.py INPUT.jsonl[.gz] OUTPUT.jsonl.gz [COPIES]")
    src, dst = sys.argv[1], sys.argv[2]
    copies = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    opener = gzip.open if src.endswith(".gz") else open
    tmp = dst + ".tmp"
    written = 0
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=1) as out:
        for k in range(copies):
            with opener(src, "rt", encoding="utf-8") as inp:
                for line in inp:
                    if not line.strip():
                        continue
                    rec = json.loads(line)
                    if k:
                        if rec.get("ID") is not None:
                            rec["ID"] = f"{rec['ID']}-copy{k}"
                        url = rec.get("url")
                        if url:
                            rec["url"] = url + ("&" if "?" in url else "?") + f"copy={k}"
                        if isinstance(rec.get("date"), str):
                            rec["date"] = shifted(rec["date"], 400 * k)
                    out.write(json.dumps(rec, ensure_ascii=False))
                    out.write("\n")
                    written += 1
    os.replace(tmp, dst)
    print(written)


if __name__ == "__main__":
    main()
