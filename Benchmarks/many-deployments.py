#!/usr/bin/env python3
"""Prints one YAML file of N Deployments (default 400), each with the findings `fix` clears by
default (hostNetwork, a privileged container without resources or pull policy): the shape of a
generated file with hundreds of objects, as `scripts/bench-fix` times it."""
import sys

TEMPLATE = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-{i}
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: {{app: web-{i}}}
  template:
    metadata:
      labels: {{app: web-{i}}}
    spec:
      hostNetwork: true
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            privileged: true
"""

count = int(sys.argv[1]) if len(sys.argv) > 1 else 400
sys.stdout.write("---\n".join(TEMPLATE.format(i=i) for i in range(count)))
