#!/usr/bin/env python3
"""Compare a Sphinx/Manticore distributed index made by `newsquote export --format manticore`
with newsquote itself: passage counts, phrase queries with a speaker filter, GROUP BY speaker.

Run by sphinx.sh once both searchd are up. Prints each query and its figures; exits 1 on any
difference. Standard library only; SphinxQL through the `mysql` command-line client.
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import unicodedata

INDEX = "newsquote"
LIMIT = 100000


def newsquote(args, *command):
    """Runs `newsquote COMMAND... --index INDEX` and returns its JSON lines (exit 1 = none)."""
    run = subprocess.run(
        [args.bin, *command, "--index", args.index], capture_output=True, text=True
    )
    if run.returncode not in (0, 1):
        sys.exit(f"newsquote {' '.join(command)} failed: {run.stderr.strip()}")
    return [json.loads(line) for line in run.stdout.splitlines() if line.strip()]


def sphinxql(port, query):
    """Runs one SphinxQL statement on 127.0.0.1:PORT and returns its rows as lists of strings."""
    run = subprocess.run(
        ["mysql", "-h127.0.0.1", f"-P{port}", "--batch", "--raw", "--skip-column-names",
         "-e", query],
        capture_output=True, text=True,
    )
    if run.returncode != 0:
        sys.exit(f"SphinxQL failed: {query}\n{run.stderr.strip()}")
    return [line.split("\t") for line in run.stdout.splitlines()]


def name_key(name):
    """newsquote's `schema::name_key`: runs of one repeated letter collapse to one."""
    out, previous = [], None
    for c in name:
        lower = c.lower()[:1] or c
        if c.isalpha() and previous == lower:
            continue
        previous = lower
        out.append(c)
    return "".join(out)


def name_words(name):
    """The words of a name as the name analyzer sees them: split on non-alphanumerics, folded."""
    folded = unicodedata.normalize("NFKD", name_key(name))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return re.findall(r"[^\W_]+", folded)


def facet_key(name):
    """newsquote's `schema::facet_key`: first and last word, lower-cased."""
    words = name.split()
    if not words:
        return ""
    if len(words) == 1:
        return words[0].lower()
    return f"{words[0].lower()} {words[-1].lower()}"


def escape(text):
    """Escapes a string for a single-quoted SphinxQL literal."""
    return text.replace("\\", "\\\\").replace("'", "\\'")


def phrase_of(text):
    """Two consecutive plain words of a quote, or None."""
    words = re.findall(r"[A-Za-z]+|[^A-Za-z\s]+|\s+", text)
    plain = [w for w in words if not w.isspace()]
    for a, b in zip(plain, plain[1:]):
        if a.isalpha() and b.isalpha() and len(a) >= 4 and len(b) >= 4:
            if re.search(re.escape(a) + r"\s+" + re.escape(b), text):
                return f"{a.lower()} {b.lower()}"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--index", required=True)
    parser.add_argument("--sql-port", required=True, help="node with the distributed index")
    parser.add_argument("--shard-port", required=True, help="node with shard 1 alone")
    parser.add_argument("--export", required=True, help="folder the export wrote")
    args = parser.parse_args()
    # `newsquote search` shows copies of one passage (same passage_key: syndication, one story
    # saved twice) as one hit, so result sets are compared as sets of passage_key.
    key_of = {}
    for path in sorted(glob.glob(os.path.join(args.export, "shard-*.tsv"))):
        with open(path, encoding="utf-8") as shard:
            for row in shard:
                cells = row.split("\t")
                key_of[cells[7]] = cells[8]
    failures = 0

    def check(label, expected, got):
        nonlocal failures
        ok = expected == got
        failures += 0 if ok else 1
        print(f"  {'ok  ' if ok else 'FAIL'} {label}")
        if not ok:
            if isinstance(expected, set):
                print(f"       only newsquote: {sorted(expected - got)[:10]}")
                print(f"       only sphinx:    {sorted(got - expected)[:10]}")
            elif isinstance(expected, dict):
                differ = sorted(k for k in set(expected) | set(got) if expected.get(k) != got.get(k))
                print(f"       {len(differ)} differ: "
                      + ", ".join(f"{k} {expected.get(k)}/{got.get(k)}" for k in differ[:10]))
            else:
                print(f"       newsquote: {expected}\n       sphinx:    {got}")

    # 1. Every passage, and both shards answering.
    stats = newsquote(args, "stats", "--json")[0]
    total = int(sphinxql(args.sql_port, f"SELECT COUNT(*) FROM {INDEX}")[0][0])
    shard0 = int(sphinxql(args.sql_port, f"SELECT COUNT(*) FROM {INDEX}_0")[0][0])
    shard1 = int(sphinxql(args.shard_port, f"SELECT COUNT(*) FROM {INDEX}_1")[0][0])
    print(f"passages: newsquote {stats['passages']}, distributed index {total} "
          f"= shard 0 {shard0} + shard 1 {shard1}")
    check("distributed index holds every passage", stats["passages"], total)
    check("shards add up, both non-empty", (total, True), (shard0 + shard1, shard0 > 0 < shard1))

    # 2. Phrase queries with a speaker filter.
    speakers = newsquote(args, "speakers", "--json", "--limit", str(LIMIT))
    print(f"speakers: {len(speakers)} in newsquote, {stats['quotes']} quotes")
    cases = []
    for facet in speakers:
        if len(cases) >= 6:
            break
        name = facet["speaker"]
        if not name_words(name):
            continue
        quotes = newsquote(args, "search", "*", "--speaker", name, "--kind", "quote",
                           "--json", "--limit", "20")
        phrase = next((p for p in (phrase_of(q["text"]) for q in quotes) if p), None)
        if phrase:
            cases.append((phrase, name))
    if not cases:
        print("  note: no speaker with a quote of two plain words yet; phrase queries alone")
    cases += [("prime minister", None), ("said the", None)]
    if speakers:
        # A surname alone, as people type it.
        cases.append((cases[0][0], name_words(speakers[0]["speaker"])[-1]))
    matched_any = False
    for phrase, speaker in cases:
        command = ["search", f'"{phrase}"', "--json", "--limit", str(LIMIT)]
        match = f'@(text,quote) "{phrase}"'
        if speaker:
            command += ["--speaker", speaker]
            exact = " ".join("=" + w for w in name_words(speaker))
            match += f' @speaker "{exact}"'
        hits = newsquote(args, *command)
        expected = {key_of[hit["passage_id"]] for hit in hits}
        query = (f"SELECT passage_key FROM {INDEX} WHERE MATCH('{escape(match)}') "
                 f"LIMIT {LIMIT} OPTION max_matches={LIMIT}")
        rows = sphinxql(args.sql_port, query)
        got = {row[0] for row in rows}
        matched_any |= bool(expected)
        print(f"  newsquote search '\"{phrase}\"'"
              + (f" --speaker '{speaker}'" if speaker else "")
              + f" --json: {len(hits)} hits | {query}: {len(rows)} rows, {len(got)} passage keys")
        check(f"same passages for \"{phrase}\"" + (f" by {speaker}" if speaker else ""),
              expected, got)
    check("at least one phrase query found passages", True, matched_any)

    # 3. GROUP BY speaker = newsquote speakers (which folds names by facet key and counts copies
    # of one quote once): grouped by speaker and passage key, the groups of one speaker are its
    # distinct quotes, merged across shards (COUNT(DISTINCT) is summed per shard, so copies in
    # two shards would count twice).
    query = (f"SELECT speaker_facet, passage_key FROM {INDEX} WHERE speaker_facet != '' "
             f"GROUP BY speaker_facet, passage_key LIMIT {LIMIT} OPTION max_matches={LIMIT}")
    rows = sphinxql(args.sql_port, query)
    grouped = {}
    for row in rows:
        grouped[row[0]] = grouped.get(row[0], 0) + 1
    expected = {facet_key(f["speaker"]): f["quotes"] for f in speakers}
    print(f"  {query}:\n    {len(grouped)} speakers, {sum(grouped.values())} quotes | "
          f"newsquote speakers --json: {len(expected)} speakers, {sum(expected.values())} quotes")
    top = speakers[:5]
    print("  top (newsquote/sphinx): " + ", ".join(
        f"{f['speaker']} {f['quotes']}/{grouped.get(facet_key(f['speaker']))}" for f in top))
    check("GROUP BY speaker_facet counts equal newsquote speakers", expected, grouped)

    print(f"{'FAILED' if failures else 'passed'}: {failures} difference(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
