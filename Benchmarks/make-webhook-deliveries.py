#!/usr/bin/env python3
"""Writes N signed GitHub pull_request deliveries for N different pull requests (the official
`opened` example with its number and head commit changed), and an index wrk's script reads:
one line per delivery, "BODY-FILE SIGNATURE". Usage: make-webhook-deliveries.py EXAMPLE SECRET N OUT-DIR"""
import hashlib, hmac, json, os, sys

example, secret, count, out = sys.argv[1], sys.argv[2].encode(), int(sys.argv[3]), sys.argv[4]
payload = json.load(open(example))
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "index"), "w") as index:
    for number in range(1, count + 1):
        payload["number"] = number
        payload["pull_request"]["number"] = number
        payload["pull_request"]["head"]["sha"] = hashlib.sha1(str(number).encode()).hexdigest()
        body = json.dumps(payload).encode()
        path = os.path.join(out, f"{number}.json")
        open(path, "wb").write(body)
        index.write(f"{path} {hmac.new(secret, body, hashlib.sha256).hexdigest()}\n")
