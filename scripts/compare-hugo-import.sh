#!/bin/sh
# Compares Hugo's own importer (`hugo import jekyll`) with `blogconv --to hugo` on the same
# Jekyll sites, point by point, and writes the table to docs/hugo-vs-import.md.
#
# Usage: scripts/compare-hugo-import.sh [SITE_DIR...]
#   default: samples/ and every site in ../shared/corpus. Each site needs its Jekyll oracle,
#   ../shared/oracle/<name>/docs.tsv (tests/oracle/samples for samples/).
# Environment: BLOGCONV (the binary; default build/blogconv), WORK (scratch folder; default a
# fresh mktemp -d, removed at the end), OUT (the table; default docs/hugo-vs-import.md).
# Both outputs are built with the real `hugo` and the test theme (tests/hugo-theme); each row is
# measured by scripts/hugo_import_measure.py (see its comments for exactly what is counted).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
shared="$here/../shared"
blogconv=${BLOGCONV:-$here/build/blogconv}
out=${OUT:-$here/docs/hugo-vs-import.md}
work=${WORK:-}
cleanup=no
if [ -z "$work" ]; then work=$(mktemp -d); cleanup=yes; fi
command -v hugo >/dev/null || { echo "hugo is not installed" >&2; exit 2; }
[ -x "$blogconv" ] || { echo "no blogconv binary at $blogconv (set BLOGCONV)" >&2; exit 2; }
if [ $# -eq 0 ]; then set -- "$here/samples" "$shared"/corpus/*/; fi

# A migrated site built with the test theme, offline; the log is kept beside it.
build() {
    (cd "$1" && HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 \
        hugo --themesDir "$here/tests" --theme hugo-theme >"$1.build.log" 2>&1) || true
}

: >"$work/results.jsonl"
for site in "$@"; do
    site=${site%/}
    name=$(basename "$site")
    oracle="$shared/oracle/$name"
    [ "$site" = "$here/samples" ] && oracle="$here/tests/oracle/samples"
    [ -f "$oracle/docs.tsv" ] || { echo "skip $name: no oracle" >&2; continue; }
    echo "== $name" >&2
    rm -rf "$work/import-$name" "$work/blogconv-$name"
    hugo import jekyll "$site" "$work/import-$name" >"$work/import-$name.log" 2>&1 || true
    # A migration keeps drafts and unpublished posts (as `draft = true`) and future ones, as the
    # importer does; Hugo then publishes the same set as Jekyll.
    # SOURCE_DATE_EPOCH: "now" as when the oracle was made (2026-11-25T00:00:00Z), which dates
    # undated collection documents and drafts exactly as Jekyll did there.
    SOURCE_DATE_EPOCH=1795564800 "$blogconv" "$site" --to hugo --drafts --unpublished --future -q -o "$work/blogconv-$name" >"$work/blogconv-$name.log" 2>&1 || true
    for tool in import blogconv; do
        build "$work/$tool-$name"
        python3 "$here/scripts/hugo_import_measure.py" "$site" "$work/$tool-$name" "$oracle" |
            python3 -c 'import json,sys; d=json.load(sys.stdin); d["site"]=sys.argv[1]; d["tool"]=sys.argv[2]; d["build_ok"]=sys.argv[3]=="0"; print(json.dumps(d))' \
                "$name" "$tool" "$(grep -c -E '^(Error|ERROR)' "$work/$tool-$name.build.log" || true)" >>"$work/results.jsonl"
    done
done

python3 - "$work/results.jsonl" "$out" "$*" <<'PY'
import datetime, json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
out, sites_arg = sys.argv[2], sys.argv[3]
def total(tool, key):
    return sum(r[key] for r in rows if r["tool"] == tool)
def frac(tool, kept, tot):
    return f"{total(tool, kept)} / {total(tool, tot)}"
lines = []
add = lines.append
names = sorted({r["site"] for r in rows})
add("# `hugo import jekyll` vs `blogconv --to hugo`")
add("")
add(f"Measured {datetime.date.today().isoformat()} on {len(names)} corpus sites ({', '.join(names)}) with")
add("")
add("```sh")
add("scripts/compare-hugo-import.sh        # samples/ and all of ../shared/corpus; Hugo 0.111.3")
add("```")
add("")
add("Both outputs are built with the real `hugo` and the minimal test theme (`tests/hugo-theme`); every number")
add("comes from `scripts/hugo_import_measure.py` against Jekyll's own output (`../shared/oracle/<site>/docs.tsv`).")
add("")
add("| what is preserved | `hugo import jekyll` | blogconv | better |")
add("|---|---|---|---|")
def row(label, imp, ours, better):
    add(f"| {label} | {imp} | {ours} | {better} |")
def cmp_high(key):
    a, b = total("import", key), total("blogconv", key)
    return "blogconv" if b > a else "same" if a == b else "**import**"
def cmp_low(key):
    a, b = total("import", key), total("blogconv", key)
    return "blogconv" if b < a else "same" if a == b else "**import**"
row("Sites that build (0 errors)", sum(r["build_ok"] for r in rows if r["tool"] == "import"),
    sum(r["build_ok"] for r in rows if r["tool"] == "blogconv"),
    "blogconv" if sum(r["build_ok"] for r in rows if r["tool"] == "blogconv") > sum(r["build_ok"] for r in rows if r["tool"] == "import") else "same")
row("URLs kept (published documents found in public/)", frac("import", "urls_kept", "urls_total"), frac("blogconv", "urls_kept", "urls_total"), cmp_high("urls_kept"))
row("Dates equal to Jekyll's (offset included)", frac("import", "dates_kept", "dates_total"), frac("blogconv", "dates_kept", "dates_total"), cmp_high("dates_kept"))
row("Drafts kept as drafts", frac("import", "drafts_kept", "drafts_total"), frac("blogconv", "drafts_kept", "drafts_total"), cmp_high("drafts_kept"))
row("Liquid left in content (`{%` outside code; lower is better)", total("import", "liquid_left"), total("blogconv", "liquid_left"), cmp_low("liquid_left"))
row("IALs left as text (`{:` outside code; lower is better)", total("import", "ials_left"), total("blogconv", "ials_left"), cmp_low("ials_left"))
row("Excerpts kept (`<!--more-->` or `summary`)", total("import", "excerpts"), total("blogconv", "excerpts"), cmp_high("excerpts"))
row("Unknown front matter keys carried", frac("import", "keys_kept", "keys_total"), frac("blogconv", "keys_kept", "keys_total"), cmp_high("keys_kept"))
row("Static files copied (Jekyll's static files found in static/)", frac("import", "static_kept", "static_total"), frac("blogconv", "static_kept", "static_total"), cmp_high("static_kept"))
row("Data files copied (`_data/` files found in data/)", frac("import", "data_kept", "data_total"), frac("blogconv", "data_kept", "data_total"), cmp_high("data_kept"))
add("")
add("## Per site")
add("")
add("| site | URLs import | URLs blogconv | dates import | dates blogconv | Liquid import | Liquid blogconv |")
add("|---|---|---|---|---|---|---|")
for n in names:
    i = next(r for r in rows if r["site"] == n and r["tool"] == "import")
    b = next(r for r in rows if r["site"] == n and r["tool"] == "blogconv")
    add(f"| {n} | {i['urls_kept']}/{i['urls_total']} | {b['urls_kept']}/{b['urls_total']} | {i['dates_kept']}/{i['dates_total']} | {b['dates_kept']}/{b['dates_total']} | {i['liquid_left']} | {b['liquid_left']} |")
add("")
add("Notes: blogconv ran with `--drafts --unpublished --future` (the importer always takes everything) and")
add("`SOURCE_DATE_EPOCH` set to the oracle's pinned time (undated documents get Jekyll's `site.time`). A document's date and draft flag are")
add("found through its title; keys that Hugo gives another meaning are carried as `jekyll_<key>` and counted as kept.")
add("The importer's output is built with the same theme because its own (`herring-cove`) needs a network clone.")
add("The Liquid count is raw: it includes text a source shows literally through `{% raw %}` outside code (al-folio's")
add("`code.md` does), which is correct output. No corpus site has `_data/`: the data row counts `samples/_data` (also covered by `tests/unit/hugo_test.cpp`).")
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
if [ "$cleanup" = yes ]; then rm -rf "$work"; fi
