#!/usr/bin/env python3
"""Writes a GitOps monorepo of N manifest files, shaped like real ones: clusters/<cluster>/
teams/<team>/<app>/ folders, each app with a Deployment, Service, PodDisruptionBudget,
NetworkPolicy, ServiceAccount and a kustomization.yaml that sets the team's namespace, and one
namespace folder per team with its Namespace, ResourceQuota and LimitRange.

Usage: generate-gitops-repo.py FOLDER N
"""
import os, sys

folder, total = sys.argv[1], int(sys.argv[2])
FILES_PER_APP = 6
apps = max(1, total // FILES_PER_APP)
apps_per_team = 50
teams = max(1, (apps + apps_per_team - 1) // apps_per_team)

DEPLOYMENT = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: {app}
  labels:
    app.kubernetes.io/name: {app}
    app.kubernetes.io/instance: {app}
spec:
  replicas: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: {app}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: {app}
    spec:
      serviceAccountName: {app}
      automountServiceAccountToken: false
      priorityClassName: standard
      securityContext:
        runAsNonRoot: true
        seccompProfile: {{type: RuntimeDefault}}
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
      containers:
        - name: app
          image: registry.example.com/{team}/{app}:1.{n}.0
          imagePullPolicy: Always
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet: {{path: /ready, port: http}}
          livenessProbe:
            httpGet: {{path: /healthz, port: http}}
          resources:
            requests: {{cpu: 100m, memory: 128Mi}}
            limits: {{cpu: 500m, memory: 128Mi}}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: {{drop: [ALL]}}
"""
SERVICE = """apiVersion: v1
kind: Service
metadata:
  name: {app}
spec:
  selector:
    app.kubernetes.io/name: {app}
  ports:
    - port: 80
      targetPort: http
"""
PDB = """apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {app}
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: {app}
"""
NETPOL = """apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {app}
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: {app}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector: {{}}
  egress:
    - to:
        - podSelector: {{}}
"""
SA = """apiVersion: v1
kind: ServiceAccount
metadata:
  name: {app}
automountServiceAccountToken: false
"""
KUSTOMIZATION = """apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: {team}
resources:
  - deployment.yaml
  - service.yaml
  - pdb.yaml
  - networkpolicy.yaml
  - serviceaccount.yaml
"""
NAMESPACE = """apiVersion: v1
kind: Namespace
metadata:
  name: {team}
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: {team}
  namespace: {team}
spec:
  hard: {{requests.cpu: "100", requests.memory: 200Gi}}
---
apiVersion: v1
kind: LimitRange
metadata:
  name: {team}
  namespace: {team}
spec:
  limits:
    - type: Container
      default: {{cpu: 500m, memory: 256Mi}}
"""

written = 0
for n in range(apps):
    team = f"team-{n // apps_per_team:03d}"
    app = f"app-{n:05d}"
    cluster = f"cluster-{(n // apps_per_team) % 3}"
    base = os.path.join(folder, "clusters", cluster, "teams", team, app)
    os.makedirs(base, exist_ok=True)
    for name, template in [("deployment.yaml", DEPLOYMENT), ("service.yaml", SERVICE), ("pdb.yaml", PDB),
                           ("networkpolicy.yaml", NETPOL), ("serviceaccount.yaml", SA), ("kustomization.yaml", KUSTOMIZATION)]:
        with open(os.path.join(base, name), "w") as out:
            out.write(template.format(app=app, team=team, n=n % 40))
        written += 1
for t in range(teams):
    team = f"team-{t:03d}"
    path = os.path.join(folder, "namespaces", f"{team}.yaml")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as out:
        out.write(NAMESPACE.format(team=team))
    written += 1
print(f"{written} files, {apps} apps, {teams} teams")
