#!/usr/bin/env python3
"""Where `shipshape check` spends its instructions, by phase, from a callgrind profile.

Usage: check_phases.py SHIPSHAPE.callgrind [LIBYAML.callgrind]

Reads `callgrind_annotate --inclusive=yes` of the profile and prints, for each phase, the
inclusive instruction count of the function that does it and its share of the whole run. The
phases nest (a kustomize build parses YAML; the per-object checks include their exemptions),
so the shares do not add up to 100%: each says what that phase costs, wherever it runs. With a
second profile (Benchmarks/libyaml-events.c over the same files) it prints the instruction
ratio libyaml ÷ shipshape, the one-core throughput ratio counted in instructions.
"""
import re
import subprocess
import sys

# (phase, pattern of the mangled or C name); the largest matching entry counts (thunks and
# specialisations of one function appear as several entries of nearly the same cost).
PHASES = [
    ("whole run", None),
    ("file walk (ManifestWalker.list)", r"9Manifests14ManifestWalkerO4list"),
    ("reading files (FileContents.read)", r"9Manifests12FileContentsO4read_12maximumBytes"),
    ("YAML events (libyaml's yaml_parser_parse, every file read)", r"^yaml_parser_parse$"),
    ("YAML parsing with tree building (YAMLParser.parse)", r"9Manifests10YAMLParserO5parse5bytes"),
    ("object model (KubernetesObject.init)", r"9Manifests16KubernetesObjectC4node4file13documentIndex4path"),
    ("kustomize plan: every root built to learn what it reads", r"RenderFlagsV13kustomizePlan.*deferringObjects"),
    ("kustomize: deferred roots built again to check them", r"9Kustomize0A9CheckPlanV8deferred"),
    ("Kyverno policies looked for (every file)", r"6Policy15KyvernoPoliciesV8discover"),
    ("per-object checks, with their exemptions (checkObjects)", r"6Policy0A6EngineV12checkObjects"),
    ("  exemptions and findings made (FindingBuilder.findings)", r"6Policy14FindingBuilderV8findings3for"),
    ("  Kyverno rules as checks (KyvernoRuleCheck.evaluate)", r"6Policy16KyvernoRuleCheckV8evaluate"),
    ("cross-object checks (crossObjectFindings)", r"6Policy0A6EngineV19crossObjectFindings"),
    ("findings across roots merged (mergingAcrossRoots)", r"9Kustomize0A9CheckPlanV18mergingAcrossRoots"),
    ("findings sorted (Finding.inReportOrder)", r"6Policy7FindingV13inReportOrder"),
    ("JSON report written (JSONReport.stream)", r"6Policy10JSONReportO6stream"),
]

LINE = re.compile(r"^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(?:\S*?):(\S+)")


def inclusive(path):
    out = subprocess.run(
        ["callgrind_annotate", "--inclusive=yes", "--threshold=100", path],
        capture_output=True, text=True, check=True).stdout
    total, costs = 0, []
    for line in out.splitlines():
        if line.rstrip().endswith("PROGRAM TOTALS"):
            total = int(line.split()[0].replace(",", ""))
            continue
        m = LINE.match(line)
        if m:
            costs.append((m.group(2), int(m.group(1).replace(",", ""))))
    return total, costs


def main():
    total, costs = inclusive(sys.argv[1])
    rows = []
    for phase, pattern in PHASES:
        if pattern is None:
            cost = total
        else:
            rx = re.compile(pattern)
            cost = max((c for name, c in costs if rx.search(name)), default=0)
        rows.append((phase, cost))
    width = max(len(p) for p, _ in rows)
    print(f"{'phase'.ljust(width)}  {'instructions':>16}  share")
    for phase, cost in rows:
        print(f"{phase.ljust(width)}  {cost:>16,}  {100 * cost / total:5.1f}%")
    if len(sys.argv) > 2:
        libyaml, _ = inclusive(sys.argv[2])
        print(f"libyaml-events over the same files: {libyaml:,} instructions; "
              f"libyaml ÷ shipshape in instructions: {libyaml / total:.3f}")


if __name__ == "__main__":
    main()
