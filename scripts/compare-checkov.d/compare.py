#!/usr/bin/env python3
"""Join Shipshape's and checkov's results on the same folders and explain where they differ.

Run through scripts/compare-checkov, which supplies checkov's virtualenv (this file imports
PyYAML and checkov's own image regex from it).

Both tools are run on each folder. checkov reports one result per object and check (an object
fails when any container fails; it names the first failing container); Shipshape reports one
finding per container. The join is per object and concept: (file, kind, namespace, name), with the
object's line range telling apart objects that share a name in one file. Where both fail, the
container checkov names is looked up among Shipshape's findings. As a second view, checkov's own
container-check functions are called on every container and joined by container name.

Shipshape is run three times: as users run it, with `disallowConfigExemptions: true` (Polaris'
default exemptions off) and with annotation exemptions off too, so that results hidden by an
exemption are told apart from differences in what a check means.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

import yaml

try:
    from checkov.common.models.consts import DOCKER_IMAGE_REGEX
except Exception:  # pragma: no cover - checkov moved it
    DOCKER_IMAGE_REGEX = re.compile(r"(?:[^\s\/]+\/)?([^\s:]+):?([^\s]*)")
try:
    from checkov.kubernetes.parser.validatior import K8sValidator
except Exception:  # pragma: no cover
    K8sValidator = None

# concept, checkov id, shipshape id, relation. "same": both mean the same thing; "ss>=ck": every
# object checkov fails Shipshape should fail too (Shipshape's check is broader); "ck>=ss": the
# other way round.
CONCEPTS = [
    ("CPU requests", "CKV_K8S_10", "cpuRequestsMissing", "same"),
    ("CPU limits", "CKV_K8S_11", "cpuLimitsMissing", "same"),
    ("memory requests", "CKV_K8S_12", "memoryRequestsMissing", "same"),
    ("memory limits", "CKV_K8S_13", "memoryLimitsMissing", "same"),
    ("liveness probe", "CKV_K8S_8", "livenessProbeMissing", "same"),
    ("readiness probe", "CKV_K8S_9", "readinessProbeMissing", "same"),
    ("image tag", "CKV_K8S_14", "tagNotSpecified", "same"),
    ("pull policy", "CKV_K8S_15", "pullPolicyNotAlways", "same"),
    ("privileged", "CKV_K8S_16", "runAsPrivileged", "same"),
    ("host PID", "CKV_K8S_17", "hostPIDSet", "same"),
    ("host IPC", "CKV_K8S_18", "hostIPCSet", "same"),
    ("host network", "CKV_K8S_19", "hostNetworkSet", "same"),
    ("host port", "CKV_K8S_26", "hostPortSet", "same"),
    ("privilege escalation", "CKV_K8S_20", "privilegeEscalationAllowed", "same"),
    ("read-only root FS", "CKV_K8S_22", "notReadOnlyRootFilesystem", "same"),
    ("run as root", "CKV_K8S_23", "runAsRootAllowed", "same"),
    ("drop ALL capabilities", "CKV_K8S_37", "insecureCapabilities", "same"),
    ("NET_RAW dropped", "CKV_K8S_28", "insecureCapabilities", "ss>=ck"),
    ("SYS_ADMIN added", "CKV_K8S_39", "dangerousCapabilities", "ss>=ck"),
    ("capabilities added", "CKV_K8S_25", "dangerousCapabilities", "ck>=ss"),
]

# Shipshape's scope, mirrored from Sources/Policy/Checks: checks that skip init containers, and
# kinds that checks skip.
SS_SKIPS_INIT = {"cpuRequestsMissing", "cpuLimitsMissing", "memoryRequestsMissing", "memoryLimitsMissing",
                 "livenessProbeMissing", "readinessProbeMissing"}
SS_POD_LEVEL = {"hostPIDSet", "hostIPCSet", "hostNetworkSet"}
SS_EXCLUDED_KINDS = {"livenessProbeMissing": {"Job", "CronJob"}, "readinessProbeMissing": {"Job", "CronJob"}}
SS_TEMPLATE_KINDS = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"}
# checkov's checks that only look at `containers` (base_container_check.supported_container_types,
# and CKV_K8S_23's own loop).
CK_SKIPS_INIT = {"CKV_K8S_8", "CKV_K8S_9", "CKV_K8S_23"}
# kinds with a pod spec that a checkov check does not list (checkov --list)
CK_KIND_GAPS = {k: {"DeploymentConfig", "PodTemplate"} for k in ("CKV_K8S_17", "CKV_K8S_18", "CKV_K8S_19", "CKV_K8S_23")}

INSECURE_DEFAULTS = {"NET_ADMIN", "CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID",
                     "SETUID", "SETFCAP", "SETPCAP", "NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE"}
DANGEROUS = {"ALL", "SYS_ADMIN", "NET_ADMIN"}

# Why a disagreement happens. "deliberate": Shipshape's behaviour is chosen and documented;
# "checkov": checkov's result is the questionable one; "bug": Shipshape looks wrong.
CLASSES = {
    "default-exemption": ("deliberate", "Shipshape applies Polaris' default exemptions (config/checks.yaml `exemptions:`); checkov has none"),
    "annotation-exemption": ("deliberate", "the object carries a Polaris/Shipshape exemption annotation, which checkov does not read"),
    "init-container-ss-skips": ("deliberate", "only an init container fails; Polaris (and Shipshape) do not check init containers for resources and probes"),
    "init-container-ck-skips": ("checkov", "only an init container fails; checkov's check does not look at init containers"),
    "zero-or-empty-value": ("checkov", "the field is set to 0 (or another falsy value); checkov tests truthiness, so `cpu: 0` counts as missing, while Polaris and Shipshape see a quantity"),
    "empty-string-value": ("bug", "the quantity is an empty string (`cpu: \"\"`, as a Helm `| quote` of an unset value renders); Polaris' schema (`not: const ''`) and checkov fail it, Shipshape counts it as set"),
    "non-scalar-resource": ("deliberate", "the resource quantity is not a scalar; Shipshape counts only a scalar quantity"),
    "null-value": ("checkov", "the field is present but null: checkov's `\"hostPort\" in port` fails it, Shipshape treats null as unset"),
    "registry-port-no-tag": ("checkov", "checkov's image regex takes the registry port for the tag boundary and misses tags after a multi-level path"),
    "tag-regex": ("checkov", "checkov's image regex misreads this reference (registry port or path); Shipshape reads the tag from the last path component"),
    "image-missing": ("n/a", "the container has no image field"),
    "pull-policy-implied": ("deliberate", "no imagePullPolicy on an untagged/`latest` or digest image: Kubernetes defaults it to Always (or the digest pins it), checkov passes; Polaris wants the field written"),
    "pull-policy-digest": ("deliberate", "an image pinned by digest with imagePullPolicy other than Always: checkov accepts the digest, Polaris wants Always"),
    "pull-policy-no-image": ("checkov", "the container has no image (an OpenShift DeploymentConfig fills it from an ImageStream trigger); checkov fails CKV_K8S_15 for any container without an image, even with imagePullPolicy: Always"),
    "checkov-no-result": ("checkov", "checkov gives no result: CKV_K8S_10/12 return UNKNOWN for a container whose `resources` is set (even `{}`, which checkov's line markers make non-empty) but has no `requests` mapping, and an object with no failing container is then not reported (or passes)"),
    "checkov-kind-not-covered": ("checkov", "checkov's check does not list this kind (CKV_K8S_17/18/19/23 skip DeploymentConfig and PodTemplate)"),
    "drop-list-complete": ("deliberate", "drops every one of Polaris' insecure capabilities by name instead of ALL; Polaris/Shipshape accept that, CKV_K8S_37 wants ALL"),
    "drop-substring": ("checkov", "checkov matches drop entries by substring (e.g. `NET_RAW` inside `CAP_NET_RAW`, `ALL` inside another word)"),
    "capability-case": ("checkov", "capability names in another case (`All`, `net_raw`, `sys_admin`); Polaris' fixtures and Shipshape ignore case, checkov only knows `ALL`/`all`/`NET_RAW`/`SYS_ADMIN`"),
    "adds-net-admin": ("deliberate", "adds NET_ADMIN: Polaris' dangerousCapabilities covers ALL, SYS_ADMIN and NET_ADMIN; CKV_K8S_39 only SYS_ADMIN"),
    "adds-all": ("deliberate", "adds ALL: Polaris' dangerousCapabilities covers ALL, SYS_ADMIN and NET_ADMIN; CKV_K8S_39 only the literal SYS_ADMIN"),
    "adds-all-net-admin": ("deliberate", "adds ALL and NET_ADMIN: Polaris' dangerousCapabilities covers them; CKV_K8S_39 only SYS_ADMIN"),
    "drops-net-raw-not-all": ("deliberate", "drops NET_RAW (so CKV_K8S_28 passes) but keeps other default capabilities Polaris calls insecure (CHOWN, SETUID, ...)"),
    "adds-harmless-capability": ("deliberate", "adds only capabilities outside Polaris' dangerous list (NET_BIND_SERVICE, SYS_PTRACE, ...); CKV_K8S_25 fails any added capability"),
    "broader-ss-check": ("deliberate", "the two checks do not mean the same: Shipshape's check is broader (relation ss>=ck)"),
    "broader-ck-check": ("deliberate", "the two checks do not mean the same: checkov's check is broader (relation ck>=ss)"),
    "container-overrides-pod-root": ("deliberate", "a container's `runAsUser: 0` / `runAsNonRoot: false` undoes the pod's non-root setting; checkov only looks at the pod value here"),
    "run-as-user-not-int": ("checkov", "runAsUser is not an integer (quoted or templated); checkov fails it, Shipshape ignores a non-integer"),
    "non-bool-value": ("n/a", "the field is a string such as \"true\"/\"false\" instead of a boolean; Kubernetes rejects it, the tools read it differently"),
    "checkov-skip": ("n/a", "checkov skipped the check (checkov.io/skip annotation or `Not Supported`)"),
    "container-mismatch": ("n/a", "both fail the object, but Shipshape does not flag the container checkov names"),
    "unexplained": ("?", "no rule explains it: look at the object"),
}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("shipshape")
    p.add_argument("folders", nargs="+")
    p.add_argument("--checkov", default="checkov")
    p.add_argument("--defaults", help="config/checks.yaml (only named in the report)")
    p.add_argument("--work", default="/tmp/compare-checkov")
    p.add_argument("--reuse", action="store_true")
    p.add_argument("--examples", type=int, default=3)
    p.add_argument("--markdown", action="store_true")
    p.add_argument("--tsv")
    p.add_argument("--timeout", type=int, default=900, help="seconds checkov may take on one folder")
    return p.parse_args()


# ---------------------------------------------------------------- running the tools

TIMED_OUT = []


def run_checkov(checkov, folder, work, reuse, timeout):
    out = os.path.join(work, "checkov", folder.strip("/").replace("/", "_") + ".json")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    if not (reuse and os.path.exists(out) and os.path.getsize(out) > 0):
        env = dict(os.environ, BC_SKIP_MAPPING="TRUE", CHECKOV_RUN_SCA_PACKAGE_SCAN_V2="false")
        with open(out + ".tmp", "w") as fh:
            try:
                subprocess.run([checkov, "-d", folder, "--framework", "kubernetes", "--compact", "-o", "json",
                                "--skip-download"], stdout=fh, stderr=subprocess.DEVNULL, env=env, check=False,
                               timeout=timeout)
            except subprocess.TimeoutExpired:
                TIMED_OUT.append(folder)
                return []
        os.replace(out + ".tmp", out)
    with open(out) as fh:
        text = fh.read().strip()
    if not text:
        return []
    data = json.loads(text)
    if isinstance(data, dict) and "results" not in data:  # nothing found: {"passed": 0, ...}
        return []
    reports = data if isinstance(data, list) else [data]
    results = []
    for report in reports:
        if report.get("check_type") != "kubernetes":
            continue
        for key in ("failed_checks", "passed_checks", "skipped_checks"):
            results.extend(report["results"].get(key, []))
    return results


def run_shipshape(binary, folder, work):
    """Three runs: as users see it, without config exemptions, without any exemptions."""
    runs = {}
    configs = {
        "default": None,
        "noconfig": "disallowConfigExemptions: true\n",
        "raw": "disallowConfigExemptions: true\ndisallowAnnotationExemptions: true\n",
    }
    for name, config in configs.items():
        cmd = [binary, "check", folder, "--format", "json", "--fail-on", "never"]
        if config:
            path = os.path.join(work, f"shipshape-{name}.yaml")
            with open(path, "w") as fh:
                fh.write(config)
            cmd += ["--config", path]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, check=False)
        if proc.returncode not in (0, 3):
            sys.exit(f"shipshape failed on {folder}: {proc.stderr.strip()}")
        runs[name] = json.loads(proc.stdout)
    return runs


# ---------------------------------------------------------------- reading the objects

class Obj:
    __slots__ = ("file", "start", "end", "kind", "ns", "name", "api", "annotations", "pod", "pod_meta",
                 "containers", "init", "ss_pod", "ck", "ss", "ss_status", "unparsed", "ck_invalid")

    def key(self):
        return (self.file, self.kind, self.ns or "default", self.name)

    def where(self, root):
        return f"{os.path.relpath(self.file, root)}:{self.start}"

    def ident(self):
        return f"{self.kind} {self.ns + '/' if self.ns else ''}{self.name}"


def dig(data, *keys):
    for k in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(k)
    return data


def pod_spec_of(data, kind):
    """(spec, template metadata, shipshape finds it): the pod spec as Shipshape's PodTemplate.find does."""
    if kind == "Pod":
        spec, meta = data.get("spec"), data.get("metadata")
    elif kind == "CronJob":
        tmpl = dig(data, "spec", "jobTemplate", "spec", "template")
        spec, meta = dig(tmpl, "spec"), dig(tmpl, "metadata")
    else:
        tmpl = dig(data, "spec", "template")
        if not isinstance(tmpl, dict):
            # checkov's PodTemplate kind keeps its template at the top level
            if kind == "PodTemplate" and isinstance(dig(data, "template", "spec"), dict):
                return dig(data, "template", "spec"), dig(data, "template", "metadata"), False
            return None, None, False
        if kind not in SS_TEMPLATE_KINDS and not isinstance(dig(tmpl, "spec", "containers"), list):
            return None, None, False
        spec, meta = tmpl.get("spec"), tmpl.get("metadata")
    if not isinstance(spec, dict):
        return None, None, False
    return spec, meta, True


def containers_of(spec, key):
    items = spec.get(key) if isinstance(spec, dict) else None
    return [c for c in items if isinstance(c, dict)] if isinstance(items, list) else []


def make_obj(path, data, node):
    if not isinstance(data, dict) or not isinstance(data.get("kind"), str):
        return None
    meta = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
    o = Obj()
    o.file, o.start, o.end = path, node.start_mark.line + 1, node.end_mark.line + 1
    o.kind, o.api = data["kind"], data.get("apiVersion")
    o.ns = meta.get("namespace") if isinstance(meta.get("namespace"), str) else None
    name = meta.get("name") if meta.get("name") is not None else meta.get("generateName")
    o.name = str(name) if name is not None else None
    ann = meta.get("annotations")
    o.annotations = {str(k): str(v) for k, v in ann.items()} if isinstance(ann, dict) else {}
    o.pod, o.pod_meta, o.ss_pod = pod_spec_of(data, o.kind)
    o.containers = containers_of(o.pod, "containers")
    o.init = containers_of(o.pod, "initContainers")
    o.ck, o.ss, o.ss_status, o.unparsed = {}, {}, None, False
    # checkov drops an object any of whose `name` fields holds {, } or # or is not a string
    o.ck_invalid = K8sValidator.is_valid_template(data)[1] if K8sValidator else ""
    return o


def parse_file(path):
    objs = []
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    except OSError:
        return objs
    loader = yaml.CSafeLoader(text) if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader(text)
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            data = loader.construct_document(node)
            if isinstance(data, dict) and data.get("kind") == "List" and isinstance(node, yaml.MappingNode):
                item_nodes = next((v.value for k, v in node.value if k.value == "items" and isinstance(v, yaml.SequenceNode)), [])
                for item, item_node in zip(data.get("items") or [], item_nodes):
                    o = make_obj(path, item, item_node)
                    if o:
                        objs.append(o)
                continue
            o = make_obj(path, data, node)
            if o:
                objs.append(o)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as e:
        PARSE_ERRORS[path] = str(e).split("\n")[0] + " " + (str(getattr(e, "problem_mark", "")).strip().split("\n")[0])
    finally:
        loader.dispose()
    return objs


PARSE_ERRORS = {}


def helm_expression(path):
    """checkov's k8_yaml.load returns nothing for a file matching these (Helm templates)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    except OSError:
        return False
    return bool(re.search(r"\{\{-?\s*\.Release\.", text) or re.search(r"\{\{-?\s*\.Values\.", text))


# ---------------------------------------------------------------- joining

def pick(cands, line_lo, line_hi):
    if len(cands) == 1:
        return cands[0]
    for o in cands:
        if o.start <= line_hi and line_lo <= o.end:
            return o
    return cands[0] if cands else None


def container_from_keys(o, keys):
    """checkov's evaluated key `spec/template/spec/initContainers/[1]/image` -> (is_init, name)."""
    for k in keys or []:
        m = re.search(r"(containers|initContainers)/\[(\d+)\]", k)
        if m:
            lst = o.init if m.group(1) == "initContainers" else o.containers
            i = int(m.group(2))
            name = lst[i].get("name") if i < len(lst) else None
            return m.group(1) == "initContainers", name
    return None, None


# ---------------------------------------------------------------- explaining

def sc(c):
    s = c.get("securityContext")
    return s if isinstance(s, dict) else {}


def ck_tag(image):
    if "@" in image:
        return "digest"
    m = re.findall(DOCKER_IMAGE_REGEX, image)
    if not m:
        return "unknown"
    return "bad" if m[0][1] in ("latest", "") else "ok"


def ss_tag(image):
    if "@" in image:
        return "digest"
    last = image.split("/")[-1]
    if ":" not in last:
        return "bad"
    tag = last.rsplit(":", 1)[1]
    return "bad" if tag in ("", "latest") else "ok"


def explain(concept, ck_id, ss_id, relation, o, direction, ss_containers, ck_container):
    """A class for one disagreement. direction: 'ck' (only checkov fails) or 'ss'."""
    every = o.containers + ([] if (ss_id in SS_SKIPS_INIT) else o.init)
    ck_every = o.containers + ([] if ck_id in CK_SKIPS_INIT else o.init)

    if ck_id in ("CKV_K8S_10", "CKV_K8S_11", "CKV_K8S_12", "CKV_K8S_13"):
        part = "requests" if ck_id in ("CKV_K8S_10", "CKV_K8S_12") else "limits"
        res = "cpu" if ck_id in ("CKV_K8S_10", "CKV_K8S_11") else "memory"
        if direction == "ss" and part == "requests" and any(
                isinstance(c.get("resources"), dict) and not isinstance(c["resources"].get("requests"), dict) for c in o.containers + o.init):
            return "checkov-no-result"
        for c in every:
            v = dig(c, "resources", part, res)
            if isinstance(v, str) and v.strip() == "":
                return "empty-string-value"
            if v is not None and not v:
                return "zero-or-empty-value"
            if isinstance(v, (dict, list)):
                return "non-scalar-resource"
    if ck_id in ("CKV_K8S_8", "CKV_K8S_9"):
        key = "livenessProbe" if ck_id == "CKV_K8S_8" else "readinessProbe"
        for c in every:
            if key in c and not c[key]:
                return "zero-or-empty-value"
    if ck_id == "CKV_K8S_26":
        for c in ck_every:
            for p in c.get("ports") or []:
                if isinstance(p, dict) and "hostPort" in p and p["hostPort"] is None:
                    return "null-value"
    if ck_id == "CKV_K8S_14":
        for c in ck_every:
            image = c.get("image")
            if not isinstance(image, str):
                return "image-missing"
            if ck_tag(image) != ss_tag(image) and "bad" in (ck_tag(image), ss_tag(image)):
                first = image.split("/")[0]
                return "registry-port-no-tag" if ":" in first and ":" not in image.split("/")[-1] else "tag-regex"
    if ck_id == "CKV_K8S_15":
        for c in ck_every:
            image = c.get("image")
            if isinstance(image, str) and "imagePullPolicy" not in c and (ck_tag(image) in ("bad", "digest")):
                return "pull-policy-implied"
            if isinstance(image, str) and "@" in image and c.get("imagePullPolicy") != "Always":
                return "pull-policy-digest"
            if not c.get("image"):
                return "pull-policy-no-image"
    if ck_id in ("CKV_K8S_16", "CKV_K8S_20", "CKV_K8S_22"):
        key = {"CKV_K8S_16": "privileged", "CKV_K8S_20": "allowPrivilegeEscalation",
               "CKV_K8S_22": "readOnlyRootFilesystem"}[ck_id]
        for c in ck_every:
            if isinstance(sc(c).get(key), str):
                return "non-bool-value"
    if ck_id == "CKV_K8S_23":
        pod_sc = o.pod.get("securityContext") if isinstance(o.pod.get("securityContext"), dict) else {}
        for ctx in [pod_sc] + [sc(c) for c in o.containers + o.init]:
            u = ctx.get("runAsUser")
            if u is not None and not isinstance(u, int):
                return "run-as-user-not-int"
            if isinstance(ctx.get("runAsNonRoot"), str):
                return "non-bool-value"
        pod_safe = pod_sc.get("runAsNonRoot") is True or (isinstance(pod_sc.get("runAsUser"), int) and pod_sc["runAsUser"] >= 1)
        if direction == "ss" and pod_safe:
            for c in o.containers + o.init:
                s = sc(c)
                if s.get("runAsNonRoot") is False or (isinstance(s.get("runAsUser"), int) and s["runAsUser"] < 1):
                    return "container-overrides-pod-root"
    if ss_id == "insecureCapabilities":
        for c in ck_every:
            drop = dig(c, "securityContext", "capabilities", "drop")
            drop = [str(d) for d in drop] if isinstance(drop, list) else []
            upper = {d.upper() for d in drop}
            if "ALL" not in upper and INSECURE_DEFAULTS <= upper:
                return "drop-list-complete" if relation == "same" else "broader-ss-check"
            if any(d not in ("ALL", "all", "NET_RAW") and any(w in d for w in ("ALL", "all", "NET_RAW")) for d in drop):
                return "drop-substring"
            if any(d.upper() in ("ALL", "NET_RAW") and d not in ("ALL", "all", "NET_RAW") for d in drop):
                return "capability-case"
    if ss_id == "dangerousCapabilities":
        for c in ck_every:
            add = dig(c, "securityContext", "capabilities", "add")
            add = [str(a) for a in add] if isinstance(add, list) else []
            if ck_id == "CKV_K8S_39" and any(a != "SYS_ADMIN" and a.upper() == "SYS_ADMIN" for a in add):
                return "capability-case"
    if relation == "ss>=ck" and direction == "ss":
        if ss_id == "dangerousCapabilities":
            added = {str(a).upper() for c in ck_every for a in (dig(c, "securityContext", "capabilities", "add") or [])
                     if isinstance(dig(c, "securityContext", "capabilities", "add"), list)}
            if added & DANGEROUS and "SYS_ADMIN" not in added:
                return "adds-" + "-".join(sorted(added & DANGEROUS)).lower().replace("_", "-")
        if ss_id == "insecureCapabilities":
            drops = [{str(d).upper() for d in (dig(c, "securityContext", "capabilities", "drop") or [])}
                     if isinstance(dig(c, "securityContext", "capabilities", "drop"), list) else set() for c in ck_every]
            if all("NET_RAW" in d or "ALL" in d for d in drops):
                return "drops-net-raw-not-all"
        return "broader-ss-check"
    if relation == "ck>=ss" and direction == "ck" and ss_id == "dangerousCapabilities":
        added = {str(a).upper() for c in ck_every for a in (dig(c, "securityContext", "capabilities", "add") or [])
                 if isinstance(dig(c, "securityContext", "capabilities", "add"), list)}
        if added and not added & DANGEROUS:
            return "adds-harmless-capability"
    if relation == "ck>=ss" and direction == "ck":
        return "broader-ck-check"
    return "unexplained"


# ---------------------------------------------------------------- container level

CK_CONTAINER_MODULES = {
    "CKV_K8S_8": "LivenessProbe", "CKV_K8S_9": "ReadinessProbe", "CKV_K8S_10": "CPURequests",
    "CKV_K8S_11": "CPULimits", "CKV_K8S_12": "MemoryRequests", "CKV_K8S_13": "MemoryLimits",
    "CKV_K8S_14": "ImageTagFixed", "CKV_K8S_15": "ImagePullPolicyAlways", "CKV_K8S_16": "PrivilegedContainers",
    "CKV_K8S_20": "AllowPrivilegeEscalation", "CKV_K8S_22": "ReadOnlyFilesystem", "CKV_K8S_26": "HostPort",
    "CKV_K8S_28": "DropCapabilities", "CKV_K8S_37": "MinimizeCapabilities", "CKV_K8S_39": "AllowedCapabilitiesSysAdmin",
    "CKV_K8S_25": "AllowedCapabilities",
}


def load_container_checks():
    """checkov's own container check objects, to run per container (checkov reports per object)."""
    import importlib
    checks = {}
    for ck_id, module in CK_CONTAINER_MODULES.items():
        try:
            checks[ck_id] = importlib.import_module(f"checkov.kubernetes.checks.resource.k8s.{module}").check
        except Exception:
            pass
    return checks


def with_markers(value):
    """checkov's YAML loader adds __startline__/__endline__ to every mapping; some checks see them."""
    if isinstance(value, dict):
        out = {k: with_markers(v) for k, v in value.items()}
        out["__startline__"], out["__endline__"] = 0, 0
        return out
    if isinstance(value, list):
        return [with_markers(v) for v in value]
    return value


def ck_container_verdicts(check, o):
    """[(container name, is_init, 'FAILED'|'PASSED'|'UNKNOWN')] as checkov's check judges each container."""
    if o.kind not in check.supported_entities:
        return []
    out = []
    for key, is_init in (("containers", False), ("initContainers", True)):
        if key not in check.supported_container_types:
            continue
        for c in (o.init if is_init else o.containers):
            try:
                res = check.scan_container_conf(with_markers(o.pod_meta or {}), with_markers(c))
            except Exception:
                res = None
            out.append((c.get("name"), is_init, getattr(res, "name", str(res))))
    return out


# ---------------------------------------------------------------- main

def main():
    a = parse_args()
    os.makedirs(a.work, exist_ok=True)
    folders = [os.path.realpath(f) for f in a.folders]
    root = os.path.commonpath(folders) if len(folders) > 1 else os.path.dirname(folders[0])

    objects, by_key, ck_results, file_status = [], collections.defaultdict(list), [], {}
    by_kind = collections.defaultdict(list)

    def find(file, kind, ns, name, lo, hi):
        """The object a result is about: by name, else (a name checkov made up) by kind and lines."""
        cands = by_key.get((file, kind, ns, name))
        if cands:
            return pick(cands, lo, hi)
        near = [o for o in by_kind.get((file, kind), []) if o.start <= hi and lo <= o.end]
        return near[0] if len(near) == 1 else None
    ss_findings = {"default": [], "noconfig": [], "raw": []}
    ck_titles = {}
    for folder in folders:
        print(f"[compare-checkov] {os.path.basename(folder)}: shipshape", file=sys.stderr)
        runs = run_shipshape(a.shipshape, folder, a.work)
        for name, run in runs.items():
            for f in run["findings"]:
                f["file"] = os.path.realpath(f["file"])
                ss_findings[name].append(f)
        for f in runs["default"]["files"]:
            file_status[os.path.realpath(f["path"])] = f["status"]
        print(f"[compare-checkov] {os.path.basename(folder)}: checkov", file=sys.stderr)
        for r in run_checkov(a.checkov, folder, a.work, a.reuse, a.timeout):
            r["file_abs_path"] = os.path.realpath(r["file_abs_path"])
            ck_results.append(r)
            ck_titles[r["check_id"]] = r.get("check_name")

    files = set(file_status) | {r["file_abs_path"] for r in ck_results}
    for path in sorted(files):
        for o in parse_file(path):
            o.ss_status = file_status.get(path)
            objects.append(o)
            if o.name is not None:
                by_key[o.key()].append(o)
            by_kind[(o.file, o.kind)].append(o)

    # checkov results onto objects; a result with no parsed object makes one (file PyYAML can't read)
    for r in ck_results:
        kind, ns, name = (r["resource"].split(".", 2) + ["", ""])[:3]
        lo, hi = (r.get("file_line_range") or [0, 0])[:2]
        o = find(r["file_abs_path"], kind, ns, name, lo, hi)
        if o is None:
            o = Obj()
            o.file, o.start, o.end, o.kind, o.ns, o.name, o.api = r["file_abs_path"], lo, hi, kind, ns, name, None
            o.annotations, o.pod, o.pod_meta, o.ss_pod, o.containers, o.init = {}, None, None, False, [], []
            o.ck, o.ss, o.ss_status, o.unparsed = {}, {}, file_status.get(r["file_abs_path"]), True
            o.ck_invalid = ""
            objects.append(o)
            by_key[o.key()].append(o)
            by_kind[(o.file, o.kind)].append(o)
        res = r["check_result"]["result"]
        keys = r["check_result"].get("evaluated_keys") or []
        o.ck[r["check_id"]] = (res, keys)

    unmatched = collections.Counter()
    for run, findings in ss_findings.items():
        for f in findings:
            ob = f.get("object")
            if not ob:
                continue
            o = find(f["file"], ob["kind"], ob.get("namespace") or "default", ob.get("name"), f["line"], f["line"])
            if o is None:
                unmatched[run] += 1
                continue
            o.ss.setdefault(run, collections.defaultdict(set))[f["checkId"]].add(f.get("container"))

    ck_ids = {c[1] for c in CONCEPTS}
    workloads = [o for o in objects if o.ss_pod or any(k in o.ck for k in ck_ids)]

    # ------------------------------------------------------------ scope
    def ss_evaluates(o, ss_id):
        return o.ss_status == "checked" and o.ss_pod and o.kind not in SS_EXCLUDED_KINDS.get(ss_id, ())

    both = [o for o in workloads if o.ss_status == "checked" and o.ss_pod and any(k in o.ck for k in ck_ids)]
    ss_only = [o for o in workloads if o.ss_status == "checked" and o.ss_pod and not any(k in o.ck for k in ck_ids)]
    ck_only = [o for o in workloads if any(k in o.ck for k in ck_ids) and not (o.ss_status == "checked" and o.ss_pod)]

    out = []
    md = a.markdown

    def table(header, rows):
        if md:
            out.append("| " + " | ".join(header) + " |")
            numeric = [all(re.fullmatch(r"[\d.]+%?|-", str(r[i])) for r in rows) and rows for i in range(len(header))]
            out.append("|" + "|".join("---:" if numeric[i] else "---" for i in range(len(header))) + "|")
            for r in rows:
                out.append("| " + " | ".join(str(x) for x in r) + " |")
        else:
            widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
            for r in [header] + rows:
                out.append("  ".join(str(x).ljust(w) for x, w in zip(r, widths)))
        out.append("")

    def rel(o):
        return o.where(root)

    version = subprocess.run([a.checkov, "--version"], stdout=subprocess.PIPE, text=True).stdout.strip() or "?"
    ssv = subprocess.run([a.shipshape, "--version"], stdout=subprocess.PIPE, text=True).stdout.strip()
    out.append(f"# Shipshape {ssv} vs checkov {version}")
    out.append("")
    out.append(f"folders: {', '.join(os.path.relpath(f, root) for f in folders)} (under {root})")
    out.append(f"files: {len(files)}; objects read: {len(objects)}; objects with a pod spec: {len(workloads)}")
    out.append(f"evaluated by both: {len(both)}; by Shipshape only: {len(ss_only)}; by checkov only: {len(ck_only)}")
    out.append(f"Shipshape findings on objects PyYAML could not read (left out): {unmatched['default']}")
    if TIMED_OUT:
        out.append(f"checkov timed out (after {a.timeout} s) on, so nothing from it for: "
                   + ", ".join(os.path.relpath(f, root) for f in TIMED_OUT) + " (give its subfolders instead)")
    out.append("")

    out.append("## Objects only one tool evaluates")
    out.append("")
    scope = collections.Counter()
    scope_examples = collections.defaultdict(list)
    ck_kinds = {"CronJob", "Pod", "PodTemplate", "Deployment", "DeploymentConfig", "DaemonSet", "Job", "ReplicaSet",
                "ReplicationController", "StatefulSet"}
    ck_files = {r["file_abs_path"] for r in ck_results}
    for o in ss_only:
        if o.kind not in ck_kinds:
            why = f"kind {o.kind}: a custom resource with a pod template; checkov has no check for the kind"
        elif helm_expression(o.file):
            why = f"kind {o.kind}: the file holds a Helm expression ({{{{ .Values. / {{{{ .Release.): checkov skips the whole file"
        elif o.ck_invalid:
            why = f"kind {o.kind}: checkov's validator drops the object ({re.sub(r'name .* is', 'a name is', o.ck_invalid)})"
        elif "/." in os.path.relpath(o.file, root):
            why = f"kind {o.kind}: in a hidden folder, which checkov skips"
        elif o.file in PARSE_ERRORS:
            why = f"kind {o.kind}: PyYAML, checkov's parser, rejects the file ({PARSE_ERRORS[o.file]})"
        elif o.file not in ck_files:
            why = f"kind {o.kind}: checkov reported nothing for the file (it did not read it)"
        else:
            why = f"kind {o.kind}: checkov reported other objects of the file but not this one"
        k = ("Shipshape only", why)
        scope[k] += 1
        scope_examples[k].append(o)
    for o in ck_only:
        if o.ss_status in ("template",):
            why = "file has unrendered {{ }} templates: Shipshape skips it, checkov reads it"
        elif o.ss_status is None:
            why = "file not read by Shipshape"
        elif o.ss_status != "checked":
            why = f"Shipshape file status {o.ss_status}"
        elif o.unparsed:
            why = "object not found by PyYAML (parse problem in file)"
        else:
            why = f"kind {o.kind}: no pod spec (a patch or partial object, or a kind Shipshape does not read)"
        k = ("checkov only", why)
        scope[k] += 1
        scope_examples[k].append(o)
    table(["evaluated by", "why", "objects", "examples"],
          [[k[0], k[1], n, ", ".join(f"{rel(x)} ({x.ident()})" for x in scope_examples[k][:2])]
           for k, n in scope.most_common()])

    # ------------------------------------------------------------ per concept
    rows, disagreements = [], []
    for concept, ck_id, ss_id, relation in CONCEPTS:
        n = bf = bp = cko = sso = skipped = cm = noresult = 0
        for o in both:
            if not ss_evaluates(o, ss_id):
                continue
            ss_default = o.ss.get("default", {}).get(ss_id, set())
            if ck_id not in o.ck:
                # checkov evaluated the object for other checks but has no result for this one
                noresult += 1
                if ss_default:
                    if o.kind in CK_KIND_GAPS.get(ck_id, ()):
                        cls = "checkov-kind-not-covered"
                    elif ck_id in ("CKV_K8S_10", "CKV_K8S_11", "CKV_K8S_12", "CKV_K8S_13") and any(
                            isinstance(c.get("resources"), dict) and
                            not isinstance(c["resources"].get("requests" if ck_id in ("CKV_K8S_10", "CKV_K8S_12") else "limits"), dict)
                            for c in o.containers + o.init):
                        cls = "checkov-no-result"
                    else:
                        cls = "unexplained"
                    disagreements.append((concept, ck_id, ss_id, cls, o, "NO RESULT", True, ss_default, None))
                continue
            ck_res, keys = o.ck[ck_id]
            ss_noconf = o.ss.get("noconfig", {}).get(ss_id, set())
            ss_raw = o.ss.get("raw", {}).get(ss_id, set())
            if ck_res == "SKIPPED":
                skipped += 1
                disagreements.append((concept, ck_id, ss_id, "checkov-skip", o, "SKIPPED", bool(ss_default), ss_default, None))
                continue
            n += 1
            ck_fail, ss_fail = ck_res == "FAILED", bool(ss_default)
            if ck_fail and ss_fail:
                bf += 1
                is_init, cname = container_from_keys(o, keys)
                if cname is not None and ss_id not in SS_POD_LEVEL and cname not in ss_default:
                    if not (is_init and ss_id in SS_SKIPS_INIT):
                        cm += 1
                        disagreements.append((concept, ck_id, ss_id, "container-mismatch", o, ck_res, ss_fail, ss_default, cname))
                continue
            if not ck_fail and not ss_fail:
                bp += 1
                continue
            direction = "ck" if ck_fail else "ss"
            is_init, cname = container_from_keys(o, keys)
            if direction == "ck" and ss_raw:
                # hidden by an exemption: the run without config exemptions fails it -> Polaris'
                # default exemptions; only the run without any exemption fails it -> an annotation
                cls = "default-exemption" if ss_noconf else "annotation-exemption"
            elif direction == "ck" and not ss_raw and is_init and ss_id in SS_SKIPS_INIT:
                cls = "init-container-ss-skips"
            elif direction == "ss" and ck_id in CK_SKIPS_INIT and ss_default and \
                    all(c in {x.get("name") for x in o.init} and c not in {x.get("name") for x in o.containers} for c in ss_default):
                cls = "init-container-ck-skips"
            else:
                cls = explain(concept, ck_id, ss_id, relation, o, direction, ss_default, cname)
            if direction == "ck":
                cko += 1
            else:
                sso += 1
            disagreements.append((concept, ck_id, ss_id, cls, o, ck_res, ss_fail, ss_default, cname))
        agree = f"{100.0 * (bf + bp) / n:.1f}%" if n else "-"
        rows.append([concept, ck_id, ss_id, relation, n, bf, bp, cko, sso, agree, cm, skipped, noresult])

    # container level: checkov's checks run per container, joined with Shipshape's findings
    container_checks = load_container_checks()
    crow, cdis = [], []
    for concept, ck_id, ss_id, relation in CONCEPTS:
        check = container_checks.get(ck_id)
        if check is None:
            continue
        n = bf = bp = cko = sso = unknown = unknown_ss = 0
        for o in both:
            if not ss_evaluates(o, ss_id) or o.ck.get(ck_id, ("",))[0] == "SKIPPED":
                continue
            ss_default = o.ss.get("default", {}).get(ss_id, set())
            ss_raw = o.ss.get("raw", {}).get(ss_id, set())
            for name, is_init, verdict in ck_container_verdicts(check, o):
                if name is None or (is_init and ss_id in SS_SKIPS_INIT):
                    continue
                if verdict not in ("FAILED", "PASSED"):
                    unknown += 1
                    unknown_ss += name in ss_default
                    continue
                if name in ss_raw and name not in ss_default:
                    continue  # exempted: counted at object level
                n += 1
                ck_fail, ss_fail = verdict == "FAILED", name in ss_default
                if ck_fail and ss_fail:
                    bf += 1
                elif not ck_fail and not ss_fail:
                    bp += 1
                else:
                    cko += ck_fail
                    sso += ss_fail
                    obj_ck = o.ck.get(ck_id, ("NO RESULT",))[0] == "FAILED"
                    if obj_ck == bool(ss_default):  # the object-level results agree: only visible per container
                        cdis.append((concept, o, name, "checkov" if ck_fail else "shipshape"))
        crow.append([concept, ck_id, ss_id, n, bf, bp, cko, sso, f"{100.0 * (bf + bp) / n:.1f}%" if n else "-",
                     f"{unknown} ({unknown_ss})"])

    out.append("## Agreement per concept (objects evaluated by both)")
    out.append("")
    out.append("checkov titles: " + "; ".join(f"{c[1]} {ck_titles.get(c[1], '?')!r}" for c in CONCEPTS))
    out.append("")
    table(["concept", "checkov", "shipshape", "relation", "objects", "both fail", "both pass", "checkov only",
           "shipshape only", "agreement", "other container", "checkov skipped", "checkov no result"], rows)

    out.append("## Agreement per container (checkov's container checks run on each container)")
    out.append("")
    out.append("checkov reports one result per object (the first failing container); here its check functions are")
    out.append("called on every container (init containers only where both tools look at them) and joined with")
    out.append("Shipshape's findings by container name. Exempted and checkov-skipped containers are left out.")
    out.append("")
    table(["concept", "checkov", "shipshape", "containers", "both fail", "both pass", "checkov only", "shipshape only", "agreement",
           "checkov UNKNOWN (Shipshape fails)"], crow)
    per = collections.Counter(d[0] for d in cdis)
    out.append(f"Container disagreements inside objects whose object-level results agree: {len(cdis)}"
               + (" (" + ", ".join(f"{k} {v}" for k, v in per.items()) + ")" if per else ""))
    shown = collections.Counter()
    for concept, o, name, who in cdis:
        shown[concept] += 1
        if a.examples == 0 or shown[concept] <= a.examples:
            out.append(f"- {concept}: {rel(o)} {o.ident()} container {name}: only {who} fails")
    out.append("")

    out.append("## Disagreements by class")
    out.append("")
    groups = collections.defaultdict(list)
    for d in disagreements:
        groups[(d[0], d[3])].append(d)
    summary = []
    for (concept, cls), items in sorted(groups.items(), key=lambda kv: ([c[0] for c in CONCEPTS].index(kv[0][0]), -len(kv[1]))):
        ck_n = sum(1 for d in items if d[5] == "FAILED" and not d[6])
        ss_n = sum(1 for d in items if d[5] != "FAILED" and d[6])
        summary.append([concept, cls, CLASSES[cls][0], len(items), ck_n, ss_n])
    table(["concept", "class", "whose", "objects", "checkov only fails", "shipshape only fails"], summary)
    out.append("Classes:")
    for cls, (whose, text) in CLASSES.items():
        if any(k[1] == cls for k in groups):
            out.append(f"- {cls} ({whose}): {text}")
    out.append("")
    for (concept, cls), items in sorted(groups.items(), key=lambda kv: ([c[0] for c in CONCEPTS].index(kv[0][0]), -len(kv[1]))):
        shown = items if a.examples == 0 else items[:a.examples]
        out.append(f"### {concept} / {cls}: {len(items)}")
        for d in shown:
            o = d[4]
            who = "checkov fails" if d[5] == "FAILED" and not d[6] else ("shipshape fails" if d[6] and d[5] != "FAILED" else f"checkov {d[5]}, shipshape {'fails' if d[6] else 'passes'}")
            extra = f" checkov names container {d[8]}; shipshape flags {sorted(x for x in d[7] if x) or '-'}" if cls == "container-mismatch" else ""
            if d[6] and cls != "container-mismatch":
                extra = f" shipshape flags {sorted(x for x in d[7] if x) or 'the pod'}"
            elif d[8]:
                extra = extra or f" checkov names container {d[8]}"
            out.append(f"- {rel(o)} {o.ident()}: {who}.{extra}")
        out.append("")

    print("\n".join(out))
    if a.tsv:
        with open(a.tsv, "w") as fh:
            fh.write("concept\tcheckov\tshipshape\tclass\tfile\tline\tkind\tnamespace\tname\tcheckov_result\tshipshape_fails\tshipshape_containers\tcheckov_container\n")
            for concept, ck_id, ss_id, cls, o, ck_res, ss_fail, ss_c, cname in disagreements:
                fh.write("\t".join(str(x) for x in [concept, ck_id, ss_id, cls, os.path.relpath(o.file, root), o.start, o.kind,
                                                     o.ns or "", o.name, ck_res, ss_fail, ",".join(sorted(c for c in ss_c if c)), cname or ""]) + "\n")


if __name__ == "__main__":
    main()
