#!/usr/bin/python3
"""Times blogconv against its rivals on the same generated corpus, in one run.

Usage: bench/run.py [--sizes 1000,10000] [--runs 3] [--slow-runs 1] [--skip-slow] [--blogconv PATH] [--disk-output]
                    [--no-setup]

First it runs `scripts/setup.sh --bench`, which installs what is missing from Debian packages
(the rivals included) and builds blogconv; a rival still missing is an error, not a skipped row.

For each size it builds bench/work/<size>/site with generate.py (replicated samples/ posts), then
times, with GNU time (/usr/bin/time, Debian package `time`), the floor (cat, the bare cmark-gfm
over the post files, zip of an EPUB tree), blogconv for each format, and pandoc (EPUB, standalone
HTML), `jekyll build` with jekyll-feed and `hugo import jekyll`. It prints medians, peak RSS and
the ratios the performance issue sets as targets, and writes the table to
bench/work/results.md. Slow rivals (pandoc, jekyll) run --slow-runs times (default 1).
Nothing here is a pass/fail test: the numbers go to docs/performance.md by hand.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)


def timed(cmd, cwd, runs):
    """Runs `cmd` (a shell string) `runs` times; returns (median wall s, max peak RSS MB, ok)."""
    walls, rss, ok = [], [], True
    for _ in range(runs):
        tf = os.path.join(cwd, ".time")
        start = time.monotonic()
        p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", tf, "sh", "-c", cmd], cwd=cwd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        walls.append(time.monotonic() - start)
        try:
            with open(tf) as fh:
                rss.append(int(fh.read().split()[-1]) / 1024.0)
        except (OSError, ValueError, IndexError):
            rss.append(float("nan"))
        if p.returncode not in (0, 1):  # blogconv exits 1 when some posts had errors
            ok = False
            sys.stderr.write("FAILED (%d): %s\n%s\n" % (p.returncode, cmd, p.stderr.decode()[-2000:]))
    return statistics.median(walls), max(rss), ok


def cpu_model():
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def mem_gib():
    try:
        with open("/proc/meminfo") as fh:
            return int(fh.readline().split()[1]) / 1024.0 / 1024.0
    except (OSError, ValueError, IndexError):
        return 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--slow-runs", type=int, default=1)
    ap.add_argument("--skip-slow", action="store_true", help="skip pandoc and jekyll")
    ap.add_argument("--blogconv", default=os.path.join(TOP, "build", "blogconv"))
    ap.add_argument("--disk-output", action="store_true", help="write outputs to disk, not to /dev/shm")
    ap.add_argument("--no-setup", action="store_true", help="do not run scripts/setup.sh --bench first")
    a = ap.parse_args()
    if not a.no_setup:
        subprocess.run(["bash", os.path.join(TOP, "scripts", "setup.sh"), "--bench"], check=True)
    bc = os.path.abspath(a.blogconv)
    have = lambda t: shutil.which(t) is not None
    needed = ["cmark-gfm", "zip", "unzip", "hugo"] + ([] if a.skip_slow else ["pandoc", "jekyll"])
    missing = [t for t in needed if not have(t)]
    if missing or not os.access(bc, os.X_OK):
        sys.exit("bench: missing %s; run `bash scripts/setup.sh --bench` (or see --help)"
                 % ", ".join(missing + ([] if os.access(bc, os.X_OK) else [bc])))
    lines = ["# blogconv benchmark", "",
             "machine: %s, %s, %d cores, %.0f GiB; outputs on %s" % (
                 os.uname().machine, cpu_model(), os.cpu_count(), mem_gib(),
                 "disk" if a.disk_output or not os.path.isdir("/dev/shm") else "tmpfs (/dev/shm)"), ""]
    for size in [int(s) for s in a.sizes.split(",")]:
        work = os.path.join(HERE, "work", str(size))
        os.makedirs(work, exist_ok=True)
        site = os.path.join(work, "site")
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), str(size), site], check=True)
        mb = sum(os.path.getsize(os.path.join(site, "_posts", f)) for f in os.listdir(os.path.join(site, "_posts"))) / 1e6
        # Outputs go to a tmpfs when there is one: on this VM's disk, creating 10,000 files right
        # after deleting 10,000 others stalls for seconds at random (writeback), which timed the
        # disk rather than the tools. Every tool writes to the same place.
        out = os.path.join(work, "out")
        shutil.rmtree(out, ignore_errors=True)
        if os.path.isdir("/dev/shm") and not a.disk_output:
            real = os.path.join("/dev/shm", "blogconv-bench-%d" % size)
            shutil.rmtree(real, ignore_errors=True)
            os.makedirs(real)
            if os.path.lexists(out):
                os.remove(out)
            os.symlink(real, out)
        else:
            os.makedirs(out)
        r = {}
        runs, slow = a.runs, a.slow_runs
        r["cat"] = timed("cat site/_posts/* > /dev/null", work, runs)
        r["cmark-gfm floor"] = timed("cmark-gfm --unsafe -e table -e strikethrough -e autolink -e tagfilter "
                                     "-e tasklist site/_posts/* > /dev/null", work, runs)
        for fmt, target in (("epub", "out/b.epub"), ("html", "out/b.html"), ("atom", "out/f.atom"),
                            ("hugo", "out/hugo"), ("json", "out/s.json")):
            extra = " --limit 0" if fmt == "atom" else ""
            r["blogconv " + fmt] = timed("rm -rf %s; %s site --to %s -o %s -q%s" % (target, bc, fmt, target, extra),
                                         work, runs)
        if os.path.exists(os.path.join(work, "out/b.epub")) and have("zip") and have("unzip"):
            subprocess.run("rm -rf epubtree && mkdir epubtree && cd epubtree && unzip -q ../out/b.epub", cwd=work,
                           shell=True)
            r["zip floor"] = timed("rm -f t.zip; cd epubtree && zip -qrX ../t.zip .", work, runs)
        if have("hugo"):
            r["hugo import jekyll"] = timed("rm -rf out/hi; hugo import jekyll site out/hi --force", work, runs)
        if not a.skip_slow:
            if have("pandoc"):
                r["pandoc epub"] = timed("pandoc -f markdown --file-scope --toc -o out/p.epub "
                                         "--metadata title=bench site/_posts/*", work, slow)
                r["pandoc html"] = timed("pandoc -f markdown --file-scope -s -o out/p.html "
                                         "--metadata title=bench site/_posts/*", work, slow)
            if have("jekyll"):
                with open(os.path.join(work, "bench-feed.yml"), "w") as fh:
                    fh.write("plugins: [jekyll-feed]\nfeed:\n  posts_limit: 1000000\nurl: https://bench.example\n")
                r["jekyll build + feed"] = timed("rm -rf out/_site; jekyll build -q -s site -d out/_site "
                                                 "--config site/_config.yml,bench-feed.yml", work, slow)
        lines.append("## %d posts (%.1f MB of Markdown)" % (size, mb))
        lines.append("")
        lines.append("| job | median wall (s) | peak RSS (MB) |")
        lines.append("|---|---:|---:|")
        for k, (w, m, ok) in r.items():
            lines.append("| %s%s | %.2f | %.0f |" % (k, "" if ok else " (FAILED)", w, m))
        lines.append("")

        def ratio(num, den):
            if num in r and den in r and r[den][0] > 0:
                return "%.1f×" % (r[num][0] / r[den][0])
            return "n/a"
        lines.append("| target | ratio |")
        lines.append("|---|---:|")
        lines.append("| pandoc EPUB / blogconv EPUB (≥ 100×) | %s |" % ratio("pandoc epub", "blogconv epub"))
        floor = (r.get("cmark-gfm floor", (0,))[0] + r.get("zip floor", (0,))[0])
        if floor > 0 and "blogconv epub" in r:
            lines.append("| blogconv EPUB / (cmark + zip floor) (≤ 2×) | %.2f× |" % (r["blogconv epub"][0] / floor))
        lines.append("| pandoc HTML / blogconv HTML (≥ 50×) | %s |" % ratio("pandoc html", "blogconv html"))
        lines.append("| jekyll+feed / blogconv Atom (≥ 100×) | %s |" % ratio("jekyll build + feed", "blogconv atom"))
        lines.append("| blogconv Atom / cmark floor (≤ 2×) | %s |" % ratio("blogconv atom", "cmark-gfm floor"))
        lines.append("| hugo import / blogconv hugo (> 1×) | %s |" % ratio("hugo import jekyll", "blogconv hugo"))
        lines.append("")
        print("\n".join(lines[-(len(r) + 16):]), flush=True)
    os.makedirs(os.path.join(HERE, "work"), exist_ok=True)
    with open(os.path.join(HERE, "work", "results.md"), "w") as fh:
        fh.write("\n".join(lines) + "\n")
    print("written: bench/work/results.md")


if __name__ == "__main__":
    main()
