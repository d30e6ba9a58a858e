#!/usr/bin/env python3
"""The best direct+mixed figures any extractor can reach on PolNeAR under each split-quote convention.

PolNeAR annotates `"A," X said. "B."` as ONE attribution whose content is two spans ("A B"); our
extraction format (a quote's text is one slice of the article) and our guidelines (case BC01, the
speakers gold, the seed gold) give TWO quotes, "A" and "B". This script builds two perfect
predictions from the gold itself and scores them with ../shared/eval/score_quotes.py:

- two:  every gold quote, with each content gap that holds a word (a speech tag) splitting it into
        separate quotes, as our convention does;
- one:  every gold quote as one slice from its first content span to its last, tag included, the
        closest that one slice can come to PolNeAR's discontinuous content.

Whatever a real extractor does, its figures under a convention are at most that convention's row.

    python3 bench/polnear_ceiling.py [--eval ../shared/eval] [--gold polnear/dev.jsonl]
"""
import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path


def perfect_predictions(gold_path, eval_dir):
    sys.path.insert(0, str(eval_dir))
    from score_quotes import derive_kind, normalise  # the scorer's own kind and normalisation

    two, one = [], []
    for line in open(gold_path, encoding="utf-8"):
        if not line.strip():
            continue
        article = json.loads(line)
        text = article["text"]
        quotes_two, quotes_one = [], []
        for a in article["attributions"]:
            content = a.get("content")
            if not content:
                continue
            joined = " ".join(t for _, _, t in content)
            kind = derive_kind(joined)
            mention = {"text": " ".join(t for _, _, t in a["source"])}
            spans = sorted((s, e) for s, e, _ in content)
            if kind == "indirect":
                quotes_two.append(dict(text=joined, kind=kind, mention=mention))
                quotes_one.append(dict(text=joined, kind=kind, mention=mention))
                continue
            quotes_one.append(dict(text=text[spans[0][0]:spans[-1][1]], kind=kind, mention=mention))
            pieces = [[spans[0]]]
            for span in spans[1:]:
                gap = text[pieces[-1][-1][1]:span[0]]
                if re.search(r"\w", normalise(gap)):
                    pieces.append([span])
                else:  # a paragraph break and a reopening mark: still one quote
                    pieces[-1].append(span)
            for piece in pieces:
                quotes_two.append(dict(text=" ".join(text[s:e] for s, e in piece), kind=kind,
                                       mention=mention))
        path = article["id"] + ".txt"
        two.append(dict(path=path, quotes=quotes_two))
        one.append(dict(path=path, quotes=quotes_one))
    return two, one


def main():
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", default=here.parent / "shared" / "eval", type=Path,
                        help="folder of score_quotes.py and the gold (default ../shared/eval)")
    parser.add_argument("--gold", default="polnear/dev.jsonl",
                        help="PolNeAR gold, relative to --eval (default polnear/dev.jsonl)")
    args = parser.parse_args()
    gold = args.eval / args.gold
    if not gold.exists():
        print(f"polnear_ceiling: {gold} is absent: nothing to measure, skipped.")
        return 0
    two, one = perfect_predictions(gold, args.eval)
    print(f"{'convention':<38}{'P':>7}{'R':>7}{'F1':>7}{'exF1':>7}")
    for name, preds in [("two quotes per split run (ours, BC01)", two),
                        ("one slice per run, tag inside", one)]:
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
            for p in preds:
                f.write(json.dumps(p) + "\n")
        out = subprocess.run([sys.executable, str(args.eval / "score_quotes.py"), str(gold), f.name,
                              "--json", "-"], capture_output=True, text=True, check=True).stdout
        Path(f.name).unlink()
        row = json.loads(out[out.index("{"):])["direct_mixed"]
        print(f"{name:<38}{row['precision']:>7.3f}{row['recall']:>7.3f}{row['f1']:>7.3f}"
              f"{row['exact_f1']:>7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
