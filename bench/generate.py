#!/usr/bin/python3
"""Builds a benchmark Jekyll site of N posts by replicating the posts of samples/.

Usage: generate.py N OUT_DIR [SOURCE_SITE]

Each copy gets a distinct file name and date (one post a day going back from 2025-12-31), so
permalinks never collide; front matter `date:` and `permalink:` lines are dropped so the file
name decides. Everything else (config, assets, Liquid, kramdown) is kept: the generated site
exercises the same code paths as the samples. Generated, never committed (bench/work/).
"""
import datetime
import os
import re
import shutil
import sys


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    n = int(sys.argv[1])
    out = sys.argv[2]
    src = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), "..", "samples")
    posts_dir = os.path.join(src, "_posts")
    sources = []
    for root, _, files in os.walk(posts_dir):
        for f in sorted(files):
            if re.match(r"\d{4}-\d{1,2}-\d{1,2}-.+\.(md|markdown)$", f):
                with open(os.path.join(root, f), encoding="utf-8") as fh:
                    text = fh.read()
                if re.search(r"^published:\s*false", text, re.M):
                    continue
                sources.append((re.sub(r"^\d{4}-\d{1,2}-\d{1,2}-", "", f), text))
    if not sources:
        sys.exit("no posts in " + posts_dir)
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "_posts"))
    for entry in os.listdir(src):
        if entry in ("_posts", "_drafts"):
            continue
        s = os.path.join(src, entry)
        d = os.path.join(out, entry)
        if os.path.isdir(s):
            shutil.copytree(s, d)
        else:
            shutil.copy2(s, d)
            if entry.endswith((".md", ".markdown", ".html")):
                with open(d, encoding="utf-8") as fh:
                    page = fh.read()
                with open(d, "w", encoding="utf-8") as fh:
                    fh.write(re.sub(r"\{%\s*(post_url|link)\s+[^%]*%\}", "#", page))
    day = datetime.date(2025, 12, 31)
    fm = re.compile(r"\A(---\s*\n.*?\n)(---\s*\n)", re.S)
    for i in range(n):
        name, text = sources[i % len(sources)]
        stem, ext = os.path.splitext(name)
        m = fm.match(text)
        if m:
            header = "".join(l for l in m.group(1).splitlines(True)
                             if not re.match(r"(date|permalink)\s*:", l))
            text = header + m.group(2) + text[m.end():]
        # post_url/link tags name sample files that are not in the generated site: keep the
        # text, drop the tag, so every format can convert the whole corpus without errors.
        text = re.sub(r"\{%\s*(post_url|link)\s+[^%]*%\}", "#", text)
        d = day - datetime.timedelta(days=i)
        fname = "%s-%s-%05d%s" % (d.isoformat(), stem, i, ext)
        with open(os.path.join(out, "_posts", fname), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main()
