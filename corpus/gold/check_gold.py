#!/usr/bin/env python3
"""Check the corpus gold and rebuild gold/all.jsonl.

For every corpus/gold/<id>.json: the article corpus/<id>.txt exists, the title is in it, every quote
`text` (and `mention`) is an exact substring of the article, kinds are direct|mixed|indirect and
dates are YYYY-MM-DD. Then writes gold/all.jsonl: one line per article, the same objects with
`start`/`end` UTF-8 byte offsets added to each quote (first occurrence), in the form that
../shared/eval/score_quotes.py reads as hand-labelled gold.

    python3 corpus/gold/check_gold.py          # from the repository root or anywhere
"""
import json, re, sys
from pathlib import Path

GOLD = Path(__file__).resolve().parent
CORPUS = GOLD.parent


def main() -> int:
    errors, lines = [], []
    for gp in sorted(GOLD.glob("*.json")):
        g = json.loads(gp.read_text(encoding="utf-8"))
        aid = gp.stem
        art = CORPUS / f"{aid}.txt"
        if g.get("id") != aid:
            errors.append(f"{gp.name}: id {g.get('id')!r} != file name")
        if not art.exists():
            errors.append(f"{gp.name}: no article {art.name}")
            continue
        text = art.read_text(encoding="utf-8")
        raw = text.encode("utf-8")
        if g.get("title") and g["title"] not in text:
            errors.append(f"{aid}: title not in article")
        if g.get("date") is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", g["date"]):
            errors.append(f"{aid}: bad date {g['date']!r}")
        out = dict(g, path=f"corpus/{aid}.txt")
        for key in ("quotes", "optional_quotes"):
            qs = []
            for q in g.get(key, []):
                t = q["text"]
                n = text.count(t)
                if n == 0:
                    errors.append(f"{aid}: {key} text not in article: {t[:70]!r}")
                    continue
                if n > 1:
                    errors.append(f"{aid}: {key} text occurs {n} times: {t[:70]!r}")
                if q.get("kind") not in ("direct", "mixed", "indirect"):
                    errors.append(f"{aid}: bad kind {q.get('kind')!r}")
                if q.get("mention") and q["mention"] not in text:
                    errors.append(f"{aid}: mention not in article: {q['mention']!r}")
                start = raw.find(t.encode("utf-8"))
                qs.append(dict(q, start=start, end=start + len(t.encode("utf-8"))))
            out[key] = qs
        for s in g.get("not_quotes", []):
            if s not in text:
                errors.append(f"{aid}: not_quote not in article: {s!r}")
        lines.append(json.dumps(out, ensure_ascii=False))
    (GOLD / "all.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for e in errors:
        print(e, file=sys.stderr)
    print(f"{len(lines)} articles, {sum(len(json.loads(l)['quotes']) for l in lines)} quotes, "
          f"{len(errors)} errors; wrote {GOLD / 'all.jsonl'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
