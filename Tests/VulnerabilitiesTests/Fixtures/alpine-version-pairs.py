#!/usr/bin/env python3
"""Writes alpine-version-pairs.tsv: Alpine package versions paired and ordered by the `univers`
library (PyPI, AlpineLinuxVersion), the reference AlpineVersion is tested against.

Run from this folder after `pip install univers==32.0.1`:  python3 alpine-version-pairs.py
The versions are real Alpine ones (apk, busybox, openssl, ncurses, openssh...) and variants made
from them (suffixes, letters, revisions, leading zeros), paired deterministically."""
import random

from univers.versions import AlpineLinuxVersion

REAL = """1.36.1-r15 1.36.1-r2 1.36.1-r29 3.1.4-r5 3.1.4-r6 3.0.12-r4 3.0.15-r0 3.3.2-r1 1.1.1w-r1 1.1.1t-r0
1.1.1u-r1 1.1.1l-r8 6.4_p20231125-r0 6.4_p20230506-r0 6.3_p20211120-r1 9.3_p2-r1 9.6_p1-r0 9.0_p1-r2 1.2.13-r1
1.3.1-r1 1.3.1-r0 2.40.1-r0 8.5.0-r0 8.9.1-r2 8.11.0-r0 2.12.5_pre1 2.14.0_rc2 2.14.0 1.24.4-r5 3.12.1-r0
2.4.58-r0 1.25.3-r0 0.3.20221208-r0 2.9.14-r2 2.11.4-r0 5.2.21-r0 5.2.15-r5 3.45.3-r1 3.44.2-r0 1.6.4-r0
20240226-r0 20230506-r0 4.4.36-r3 2.2_rc1 2.2_beta3-r1 2.2_alpha-r2 0.9.8zh-r0 1.0.2u-r0 5.1.16-r3 12.2.1_git20220924-r10""".split()
SUFFIXES = ["", "_alpha", "_alpha1", "_beta2", "_pre3", "_rc1", "_rc10", "_p1", "_p20", "_rc1_p2", "_p1_rc1"]


def variants(version):
    base = version.split("-r")[0].split("_")[0]
    out = {version, base}
    for suffix in SUFFIXES:
        out.add(base + suffix)
        out.add(base + suffix + "-r1")
    out.add(base + ".0")
    out.add(base + "a")
    out.add(base + ".01")
    return out


def valid(text):
    try:
        AlpineLinuxVersion(text)
        return True
    except Exception:
        return False


def order(left, right):
    a, b = AlpineLinuxVersion(left), AlpineLinuxVersion(right)
    return -1 if a < b else 1 if a > b else 0


versions = sorted({v for real in REAL for v in variants(real) if valid(v)})
rng = random.Random(19)
pairs = set()
for index in range(1, len(versions)):
    pairs.add((versions[index - 1], versions[index]))
while len(pairs) < 2500:
    pairs.add((rng.choice(versions), rng.choice(versions)))
with open("alpine-version-pairs.tsv", "w") as out:
    out.write("# left\tright\tunivers order (made by alpine-version-pairs.py)\n")
    for left, right in sorted(pairs):
        out.write(f"{left}\t{right}\t{order(left, right)}\n")
