#!/usr/bin/env python3
"""Writes one scan with N findings (and 30 earlier scans for the trend) into a Shipshape SQLite
queue whose schema `shipshape dashboard-page` has created: the repository page's worst case.
Usage: dashboard-findings.py QUEUE.sqlite FORGE OWNER/NAME N"""
import random
import sqlite3
import sys

path, forge, repository, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
random.seed(20)
checks = [("runAsRootAllowed", "Security", "danger"), ("cpuLimitsMissing", "Efficiency", "warning"),
          ("livenessProbeMissing", "Reliability", "warning"), ("hostNetworkSet", "Security", "danger"),
          ("tagNotSpecified", "Reliability", "danger"), ("memoryRequestsMissing", "Efficiency", "warning"),
          ("pullPolicyNotAlways", "Reliability", "warning"), ("deprecatedAPIVersion", "Compatibility", "danger")]
db = sqlite3.connect(path)
start = 1_760_000_000_000
for scan in range(31):
    findings = count if scan == 30 else random.randint(count // 2, count)
    dangers = findings * 2 // 5
    cursor = db.execute(
        "INSERT INTO scans (forge, repository, commit_sha, scanned_at_ms, objects_checked, checks_run, dangers, warnings)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (forge, repository, "%040x" % random.getrandbits(160), start + scan * 3_600_000, count, 40, dangers,
         findings - dangers))
    if scan == 30:
        scan_id = cursor.lastrowid
        rows = []
        for index in range(count):
            check, category, severity = checks[index % len(checks)]
            rows.append((scan_id, check, severity, category, "apps/team-%d/service-%d/deployment.yaml" % (index % 40, index // 8),
                         10 + index % 50, "team-%d" % (index % 40), "Deployment/service-%d" % (index // 8),
                         "%s: container app of Deployment/service-%d <needs attention> & more" % (check, index // 8)))
        db.executemany(
            "INSERT INTO scan_findings (scan_id, check_id, severity, category, file, line, namespace, object, message)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
db.commit()
