#!/usr/bin/env python3
"""Measures what a Hugo site made from a Jekyll site preserves (see compare-hugo-import.sh).

Usage: hugo_import_measure.py SOURCE_SITE HUGO_SITE ORACLE_DIR
Prints one JSON object: the counts for each row of docs/hugo-vs-import.md. HUGO_SITE must have
been built (public/ present). Reads only; never writes.
"""
import json
import os
import re
import sys
import urllib.parse


def read_tsv(path):
    """docs.tsv rows as dicts, with the oracle's field escapes undone."""
    def unescape(s):
        return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(m.group(1), m.group(1)), s)
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    head = lines[0].split("\t")
    return [dict(zip(head, (unescape(x) for x in line.split("\t")))) for line in lines[1:] if line]


def split_front_matter(text):
    """(format, front matter text, body) of a Hugo content file."""
    if text.startswith("+++\n"):
        end = text.find("\n+++", 4)
        return "toml", text[4:end], text[end + 4:]
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        return "yaml", text[4:end], text[end + 4:]
    if text.startswith("{"):
        depth = 0
        for i, c in enumerate(text):
            depth += c == "{"
            depth -= c == "}"
            if depth == 0:
                return "json", text[: i + 1], text[i + 1:]
    return "", "", text


def top_keys(fmt, fm):
    """The top-level keys of a front matter block (enough for counting; not a full parser)."""
    keys = []
    if fmt == "json":
        try:
            return list(json.loads(fm).keys())
        except ValueError:
            return []
    for line in fm.split("\n"):
        if fmt == "toml":
            m = re.match(r"^\[([^\].]+)\]\s*$", line) or re.match(r'^([A-Za-z0-9_\-]+|"[^"]+")\s*=', line)
        else:
            m = re.match(r'^([^\s#:\-][^:]*?|"[^"]+"|\'[^\']+\'):(\s|$)', line)
        if m:
            keys.append(m.group(1).strip("\"'"))
    return keys


def fm_value(fmt, fm, key):
    """A scalar top-level value as text ("" when missing)."""
    if fmt == "json":
        try:
            v = json.loads(fm).get(key)
            return "" if v is None else str(v).lower() if isinstance(v, bool) else str(v)
        except ValueError:
            return ""
    sep = "=" if fmt == "toml" else ":"
    for line in fm.split("\n"):
        m = re.match(r"^" + re.escape(key) + r"\s*" + sep + r"\s*(.*)$", line)
        if m:
            return m.group(1).strip().strip("\"'")
    return ""


def outside_code(body):
    """The body with fenced code, indented-free inline code spans and <pre>/<code> elements removed."""
    kept, fence = [], ""
    for line in body.split("\n"):
        t = line.strip()
        run = len(t) - len(t.lstrip(t[:1])) if t[:1] in ("`", "~") else 0
        if not fence and run >= 3:
            fence = t[:run]
        elif fence:
            if run >= len(fence) and t[0] == fence[0] and not t[run:].strip():
                fence = ""
        else:
            kept.append(line)
    body = "\n".join(kept)
    body = re.sub(r"(?s)<pre.*?</pre>|<code.*?</code>", "", body)
    body = re.sub(r"(`+)(?s:.+?)\1", "", body)
    body = re.sub(r"(?s)\{%\s*raw\s*%\}.*?\{%\s*endraw\s*%\}", "", body)
    return body


def source_front_matter_keys(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    if not text.startswith("---"):
        return []
    end = text.find("\n---", 3)
    if end < 0:
        return []
    return top_keys("yaml", text[text.find("\n") + 1: end])


def normalise_date(s):
    """RFC 3339 with a numeric offset, seconds included, or "" (what `date` means to compare)."""
    m = re.match(r"^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d(:\d\d)?)(\.\d+)?\s*(Z|[+-]\d\d:?\d\d)?$", s.strip())
    if not m:
        m2 = re.match(r"^(\d{4}-\d\d-\d\d)$", s.strip())
        return m2.group(1) + "T00:00:00+00:00" if m2 else ""
    t = m.group(2) + ("" if m.group(3) else ":00")
    z = m.group(5) or "+00:00"
    if z == "Z":
        z = "+00:00"
    if ":" not in z:
        z = z[:3] + ":" + z[3:]
    return m.group(1) + "T" + t + z


def jekyll_excludes(source):
    """The config's `exclude` list plus Jekyll's defaults (top-level names)."""
    names = {"Gemfile", "Gemfile.lock", "node_modules", "vendor", "gemfiles"}
    try:
        import yaml
        with open(os.path.join(source, "_config.yml"), encoding="utf-8") as f:
            config = yaml.safe_load(f) or {}
        names.update(str(x).strip("/") for x in (config.get("exclude") or []))
    except (OSError, ImportError, ValueError, AttributeError, Exception):
        pass
    return names


def static_files(source, hugo):
    """(Jekyll static files in the source, how many of them the Hugo site has): a file counts when
    it is in static/ at the same path, or beside a page under content/ (a page bundle)."""
    excludes = jekyll_excludes(source)
    bundled = set()
    for root, _, files in os.walk(os.path.join(hugo, "content")):
        bundled.update(files)
    total = kept = 0
    for root, dirs, files in os.walk(source):
        rel_root = os.path.relpath(root, source)
        dirs[:] = [d for d in dirs if not d.startswith(("_", ".")) and
                   not (rel_root == "." and d in excludes)]
        for name in files:
            rel = os.path.normpath(os.path.join(rel_root, name))
            if name.startswith((".", "_")) or rel in excludes:
                continue
            with open(os.path.join(root, name), "rb") as f:
                if f.read(4).startswith(b"---"):
                    continue  # front matter: a page Jekyll renders, not a static file
            total += 1
            if os.path.exists(os.path.join(hugo, "static", rel)) or name in bundled:
                kept += 1
    return total, kept


def data_files(source, hugo):
    """(files under _data/, how many have a data/ file of the same name or folder)."""
    total = kept = 0
    data = os.path.join(source, "_data")
    for root, _, files in os.walk(data):
        for name in files:
            total += 1
            rel = os.path.splitext(os.path.relpath(os.path.join(root, name), data))[0]
            first = rel.split(os.sep)[0]
            out = os.path.join(hugo, "data")
            candidates = [os.path.join(out, rel), os.path.join(out, first)]
            if any(os.path.exists(c + ext) for c in candidates for ext in (".toml", ".yaml", ".yml", ".json", ".csv")):
                kept += 1
    return total, kept


def main():
    source, hugo, oracle = sys.argv[1:4]
    docs = read_tsv(os.path.join(oracle, "docs.tsv"))
    public = os.path.join(hugo, "public")
    published = [d for d in docs if d["published"] == "yes"]
    missing = []
    for d in published:
        rel = urllib.parse.unquote(d["output_path"])
        if not os.path.exists(os.path.join(public, rel)):
            missing.append(d["url"])

    # Content files: front matter and body of every file under content/.
    contents = []
    for root, _, files in os.walk(os.path.join(hugo, "content")):
        for name in files:
            if name.endswith((".md", ".markdown", ".html", ".htm")):
                with open(os.path.join(root, name), encoding="utf-8", errors="replace") as f:
                    contents.append(split_front_matter(f.read()))

    by_title = {}
    for fmt, fm, body in contents:
        by_title.setdefault(fm_value(fmt, fm, "title"), []).append((fmt, fm, body))

    # Dates: a document counts when a content file with its title carries the oracle's date.
    dated = [d for d in docs if d["date"] not in ("-", "") and not d["published"].startswith("no: not read")]
    dates_ok = 0
    for d in dated:
        want = normalise_date(d["date"])
        if any(normalise_date(fm_value(f, fm, "date")) == want for f, fm, _ in by_title.get(d["title"], [])):
            dates_ok += 1

    drafts = [d for d in docs if d["path"].startswith("_drafts/")]
    drafts_kept = 0
    for d in drafts:
        if any(fm_value(f, fm, "draft") == "true" for f, fm, _ in by_title.get(d["title"], [])):
            drafts_kept += 1

    liquid = sum(len(re.findall(r"\{%", outside_code(b))) for _, _, b in contents)
    ials = sum(len(re.findall(r"\{:", outside_code(b))) for _, _, b in contents)
    more = sum(1 for f, fm, b in contents if "<!--more-->" in b or "summary" in top_keys(f, fm))

    # Unknown keys: a source key (of a document in docs.tsv) found among the output's keys.
    out_keys = {}
    for f, fm, _ in contents:
        out_keys.setdefault(fm_value(f, fm, "title"), set()).update(k.lower() for k in top_keys(f, fm))
    known = {"title", "date", "layout", "tags", "categories", "category", "tag", "permalink", "published",
             "draft", "slug", "excerpt", "redirect_from", "description", "last_modified_at"}
    keys_total = keys_kept = 0
    for d in docs:
        p = os.path.join(source, d["path"])
        if not os.path.exists(p):
            continue
        kept = out_keys.get(d["title"], set())
        for k in source_front_matter_keys(p):
            if k.lower() in known:
                continue
            keys_total += 1
            if k.lower() in kept or "jekyll_" + k.lower() in kept:
                keys_kept += 1

    def count_files(folder):
        n = 0
        for root, _, files in os.walk(folder):
            n += len(files)
        return n

    static_total, static_kept = static_files(source, hugo)
    data_total, data_kept = data_files(source, hugo)
    print(json.dumps({
        "urls_total": len(published), "urls_kept": len(published) - len(missing), "missing": missing,
        "dates_total": len(dated), "dates_kept": dates_ok,
        "drafts_total": len(drafts), "drafts_kept": drafts_kept,
        "liquid_left": liquid, "ials_left": ials, "excerpts": more,
        "keys_total": keys_total, "keys_kept": keys_kept,
        "static_total": static_total, "static_kept": static_kept,
        "data_total": data_total, "data_kept": data_kept,
    }))


if __name__ == "__main__":
    main()
