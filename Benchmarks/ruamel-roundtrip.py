#!/usr/bin/env python3
"""For each file Shipshape's fix changed: make the same changes with ruamel.yaml's round-trip
mode (load the original, bring every document to the fixed file's data, dump) and count the
lines each approach changes against the original (difflib, added + removed lines).

Usage: ruamel-roundtrip.py ORIGINAL_ROOT FIXED_ROOT CHANGED_LIST FIX_COUNT
"""
import difflib, io, sys
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

original_root, fixed_root, listing, fixes = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])


def converge(node, target):
    """Edits the round-trip node in place until its data equals target; returns the new node."""
    if isinstance(node, dict) and isinstance(target, dict):
        for key in list(node.keys()):
            if key not in target:
                del node[key]
        for key, value in target.items():
            node[key] = converge(node[key], value) if key in node else value
        return node
    if isinstance(node, list) and isinstance(target, list):
        while len(node) > len(target):
            node.pop()
        for index, value in enumerate(target):
            if index < len(node):
                node[index] = converge(node[index], value)
            else:
                node.append(value)
        return node
    return target if node != target else node


def changed_lines(before, after):
    return sum(1 for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---")))


rt = YAML()
rt.preserve_quotes = True
safe = YAML(typ="safe", pure=True)
ours = theirs = files = skipped = 0
for path in open(listing).read().split():
    original = open(f"{original_root}/{path}", encoding="utf-8").read()
    fixed = open(f"{fixed_root}/{path}", encoding="utf-8").read()
    try:
        documents = list(rt.load_all(original))
        targets = list(safe.load_all(fixed))
        if len(documents) != len(targets):
            skipped += 1
            continue
        documents = [converge(document, target) for document, target in zip(documents, targets)]
        out = io.StringIO()
        rt.dump_all(documents, out)
    except Exception:
        skipped += 1
        continue
    files += 1
    ours += changed_lines(original, fixed)
    theirs += changed_lines(original, out.getvalue())
print(f"files {files} (ruamel could not round-trip {skipped}); fixes {fixes}")
print(f"lines changed: shipshape {ours} ({ours / fixes:.2f} per fix), ruamel.yaml round-trip {theirs} ({theirs / fixes:.2f} per fix); ratio {theirs / max(ours, 1):.1f}x")
