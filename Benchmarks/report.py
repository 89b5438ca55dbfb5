#!/usr/bin/env python3
"""Prints run.sh's results (TSV files in .bench-data/) as Markdown: the measurements, then the headline ratios against the
targets of the "Performance" issue, each computed from numbers of the same run."""
import sys

# One or more result files (runs of the two sets made separately are reported together).
rows = [line.rstrip("\n").split("\t") for path in sys.argv[1:] for line in open(path, encoding="utf-8") if line.strip()]
timed = {(r[0], r[1]): r for r in rows}


def seconds(name, size):
    row = timed.get((name, size))
    try:
        return float(row[3]) if row else None
    except ValueError:
        return None


def rss_mib(name, size):
    row = timed.get((name, size))
    try:
        return int(row[4]) / 1024 if row else None
    except ValueError:
        return None


def duration(text):
    """Seconds as the table shows them: milliseconds kept below one second."""
    value = float(text)
    return f"{value:.3f} s" if value < 1 else f"{value:.2f} s"


print("| step | set | min | median | peak RSS |")
print("|---|---|---:|---:|---:|")
for name, size, low, median, rss in rows:
    try:
        cells = f"{duration(low)} | {duration(median)} | {int(rss) / 1024:.0f} MiB"
    except ValueError:
        cells = f"{low} | {median} | {rss}"
    print(f"| {name} | {size} | {cells} |")

print()
print("| target | set | measured | goal | met |")
print("|---|---|---:|---|---|")
def magnitude(size):
    """100k → 100000, 1m → 1000000: the sets in the order of their size."""
    units = {"k": 1_000, "m": 1_000_000}
    return float(size[:-1]) * units[size[-1]] if size and size[-1] in units else float(size or 0)


sizes = sorted({r[1] for r in rows}, key=magnitude)


def line(target, size, value, goal, met):
    print(f"| {target} | {size} | {value} | {goal} | {'yes' if met else '**no**'} |")


for size in sizes:
    ours, theirs = seconds("pack: airlock-pack pack", size), seconds("pack: zstd -1 | age, minisign -S", size)
    if ours and theirs:
        line("pack time ÷ zstd\\|age+minisign", size, f"{ours / theirs:.2f}×", "≤ 1.5×", ours / theirs <= 1.5)
    ours, theirs = seconds("verify: airlock-unpack verify", size), seconds("verify: b2sum", size)
    if ours and theirs:
        line("verify speed ÷ b2sum speed", size, f"{theirs / ours:.2f}×", "≥ 0.8×", theirs / ours >= 0.8)
    ours, theirs = seconds("import: airlock-unpack import", size), seconds("import: sqlite3 .import + indexes", size)
    if ours and theirs:
        line("import time ÷ sqlite3 .import", size, f"{ours / theirs:.2f}×", "≤ 2×", ours / theirs <= 2)
    for r in rows:
        if r[1] == size and r[0].startswith("find ") and "in-process" in r[0]:
            value = float(r[2].split()[1])
            line(r[0].split(" (")[0] + " median, in-process", size, f"{value / 1000:.3f} ms", "< 1 ms", value < 1000)
    for step in ("pack: airlock-pack pack", "import: airlock-unpack import"):
        rss = rss_mib(step, size)
        if rss:
            line(step.split(":")[0] + " peak RSS", size, f"{rss:.0f} MiB", "< 128 MiB", rss < 128)
if len(sizes) > 1:
    small, large = sizes[0], sizes[-1]
    for step in ("pack: airlock-pack pack", "import: airlock-unpack import"):
        a, b = rss_mib(step, small), rss_mib(step, large)
        if a and b:
            line(step.split(":")[0] + " peak RSS " + large + " ÷ " + small, "", f"{b / a:.2f}×", "1 ± 0.15", abs(b / a - 1) <= 0.15)
