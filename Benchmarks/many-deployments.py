#!/usr/bin/env python3
"""Prints one YAML file of N Deployments (default 400), the file `ManyDocumentsFixTests` fixes:
each Deployment is that test's `deployment(_:)` text (hostNetwork, a privileged container without
resources or pull policy), read from the test so the benchmark and the test share one shape."""
import os, re, sys, textwrap

test = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "FixesTests", "ManyDocumentsFixTests.swift")
source = open(test, encoding="utf-8").read()
body = re.search(r'static func deployment\(_ index: Int\) -> String \{\s*"""\n(.*?)\n\s*"""', source, re.S)
if not body:
    sys.exit(f"many-deployments: no deployment(_:) template in {test}")
template = textwrap.dedent(body.group(1)) + "\n"
count = int(sys.argv[1]) if len(sys.argv) > 1 else 400
sys.stdout.write("---\n".join(template.replace("\\(index)", str(i)) for i in range(count)))
