#!/usr/bin/env python3
"""Whole-command latency: runs COMMAND... once per probe value of FIELD (the literal `{}` in the command is
replaced by the value), after one untimed warm-up, and prints `lookups median_ms p99_ms`.

Usage: cmdlat.py PROBES.tsv FIELD COUNT COMMAND...
"""
import subprocess
import sys
import time

probes_path, field, count, *command = sys.argv[1:]
values = [line.split("\t", 1)[1] for line in open(probes_path, encoding="utf-8").read().splitlines()
          if line.startswith(field + "\t")][: int(count)]
subprocess.run([part.replace("{}", values[0]) for part in command], stdout=subprocess.DEVNULL, check=True)
samples = []
for value in values:
    started = time.perf_counter()
    subprocess.run([part.replace("{}", value) for part in command], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    samples.append((time.perf_counter() - started) * 1000)
samples.sort()
p99 = samples[min(len(samples) - 1, -(-len(samples) * 99 // 100) - 1)]
print(f"{len(samples)} {samples[len(samples) // 2]:.2f} {p99:.2f}")
