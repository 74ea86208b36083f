#!/usr/bin/env python3
"""Rendering benchmark: the GitOps corpus checked with every renderable release rendered, cold and
warm, and a review of a pull request touching one HelmRelease in a 100-release repository.

Usage: render-corpus.py SHIPSHAPE CORPUS CHARTS

1. `shipshape upgrade CORPUS --list --format json` names every pinned chart; those of CHARTS
   (../shared/charts: app-template with its common library, podinfo, metrics-server, external-dns)
   are served at the pinned versions (a test copy: our chart under the version the corpus pins) by a
   real Debian `docker-registry` (OCI) and `python3 -m http.server` (Helm repository index), reached
   through `upgrades.mirrors`. Every other chart source is mirrored there too and answers "not found".
2. `shipshape check CORPUS` runs with --no-render (the files as written), then rendering with an
   empty cache (cold: charts fetched and unpacked) and again (warm), RUNS times each; the median wall
   time, findings, and releases rendered / not rendered are printed.
3. A Git repository with 100 Flux HelmReleases of a chart folder (podinfo) in the tree; a pull
   request changes one value of one release. `shipshape review` runs once to warm the facts cache,
   then RUNS times; the median is printed (goal: under 1 s).
"""
import hashlib, json, os, re, shutil, statistics, subprocess, sys, tarfile, tempfile, time
from loopback import free_port, request, wait_for

RUNS = int(os.environ.get("RUNS", "5"))
OURS = {"app-template": ("app-template-4.1.1", [("common", "common-4.1.1")]), "podinfo": ("podinfo-6.14.1", []),
        "metrics-server": ("metrics-server-3.13.1", []), "external-dns": ("external-dns-1.21.1", [])}

def pack(charts, name, work):
    folder, subcharts = OURS[name]
    root = os.path.join(work, "pack", name)
    shutil.copytree(os.path.join(charts, folder), os.path.join(root, name))
    for sub, sub_folder in subcharts:
        shutil.copytree(os.path.join(charts, sub_folder), os.path.join(root, name, "charts", sub))
    archive = os.path.join(work, f"{name}.tgz")
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(os.path.join(root, name), arcname=name)
    return open(archive, "rb").read()

class Registry:
    def __init__(self, work):
        self.port = free_port()
        config = os.path.join(work, "registry.yml")
        with open(config, "w") as f:
            f.write(f"version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n"
                    f"    rootdirectory: {work}/registry-data\nhttp:\n  addr: 127.0.0.1:{self.port}\n")
        self.process = subprocess.Popen(["docker-registry", "serve", config], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(self.port)
        self.base = f"http://127.0.0.1:{self.port}"

    def blob(self, repository, data):
        digest = "sha256:" + hashlib.sha256(data).hexdigest()
        _, headers, _ = request("POST", f"{self.base}/v2/{repository}/blobs/uploads/")
        location = headers["Location"]
        location = location if location.startswith("http") else self.base + location
        request("PUT", location + ("&" if "?" in location else "?") + f"digest={digest}", data=data,
                headers={"Content-Type": "application/octet-stream"})
        return digest

    def push_chart(self, repository, archive, name, tags):
        config = json.dumps({"name": name, "version": "0.0.0", "apiVersion": "v2"}).encode()
        config_digest, chart_digest = self.blob(repository, config), self.blob(repository, archive)
        for tag in tags:
            manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                                   "config": {"mediaType": "application/vnd.cncf.helm.config.v1+json", "digest": config_digest, "size": len(config)},
                                   "layers": [{"mediaType": "application/vnd.cncf.helm.chart.content.v1.tar+gzip", "digest": chart_digest, "size": len(archive)}]}).encode()
            request("PUT", f"{self.base}/v2/{repository}/manifests/{tag.replace('+', '_')}", data=manifest,
                    headers={"Content-Type": "application/vnd.oci.image.manifest.v1+json"})

def timed(command, runs):
    times, result = [], None
    for _ in range(runs):
        start = time.time()
        result = subprocess.run(command, capture_output=True, text=True)
        times.append(time.time() - start)
        if result.returncode not in (0, 3):
            sys.exit(f"bench-render: {' '.join(command)} failed ({result.returncode}): {result.stderr[-2000:]}")
    return statistics.median(times), result

def summary(result):
    report = json.loads(result.stdout)
    notes = report.get("notes", [])
    not_rendered = sum(1 for n in notes if ": not rendered" in n)
    return len(report["findings"]), not_rendered

def corpus(shipshape, corpus_folder, charts, work):
    found = json.loads(subprocess.run([shipshape, "upgrade", corpus_folder, "--list", "--format", "json"], check=True,
                                      capture_output=True, text=True).stdout)
    registry = Registry(work)
    helm_root, helm_port = os.path.join(work, "helm"), free_port()
    archives = {name: pack(charts, name, work) for name in OURS}
    oci, indexes, mirrors = {}, {}, {}
    for dependency in found["dependencies"]:
        if dependency["kind"] != "chart":
            continue
        source, name = dependency["source"], dependency["name"].split("/")[-1]
        if source.startswith("http"):
            url, chart = source.rsplit(" ", 1)
            mirrors[url] = f"http://127.0.0.1:{helm_port}/" + re.sub(r"^https?://", "", url).strip("/")
            if chart in OURS:
                indexes.setdefault(url, {}).setdefault(chart, set()).add(dependency["current"])
        else:
            host = source.split("/", 1)[0]
            mirrors[host] = f"127.0.0.1:{registry.port}/{host}"
            if source.split("/")[-1] in OURS:
                oci.setdefault(source, set()).add(dependency["current"])
    for source, tags in oci.items():
        registry.push_chart(source, archives[source.split("/")[-1]], source.split("/")[-1], sorted(tags))
    for url, entries in indexes.items():
        folder = os.path.join(helm_root, re.sub(r"^https?://", "", url).strip("/"))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "index.yaml"), "w") as f:
            f.write("apiVersion: v1\nentries:\n")
            for chart, versions in entries.items():
                with open(os.path.join(folder, f"{chart}.tgz"), "wb") as archive:
                    archive.write(archives[chart])
                f.write(f"  {chart}:\n" + "".join(f'    - {{name: {chart}, version: "{v}", urls: ["{chart}.tgz"]}}\n' for v in sorted(versions)))
    os.makedirs(helm_root, exist_ok=True)
    helm = subprocess.Popen([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(helm_port), "--directory", helm_root],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for(helm_port)
    config = os.path.join(work, "shipshape.yaml")
    with open(config, "w") as f:
        f.write("upgrades:\n  mirrors:\n" + "".join(f'    "{k}": "{v}"\n' for k, v in sorted(mirrors.items())))
    try:
        base = [shipshape, "check", corpus_folder, "--format", "json", "--config", config, "--fail-on", "never"]
        plain, plain_result = timed(base + ["--no-render"], RUNS)
        print(f"corpus as written (--no-render): {plain:.2f} s, {summary(plain_result)[0]} findings")
        cold_times = []
        for run in range(RUNS):
            cache = os.path.join(work, f"cache-cold-{run}")
            cold, cold_result = timed(base + ["--cache-dir", cache], 1)
            cold_times.append(cold)
        warm, warm_result = timed(base + ["--cache-dir", os.path.join(work, "cache-cold-0")], RUNS)
        findings, not_rendered = summary(warm_result)
        print(f"corpus rendered, cold cache: {statistics.median(cold_times):.2f} s; warm cache: {warm:.2f} s; "
              f"{findings} findings; {not_rendered} releases not rendered (sources not served here, or errors; see notes)")
    finally:
        helm.terminate()
        registry.process.terminate()

def review(shipshape, charts, work):
    repo = os.path.join(work, "releases")
    os.makedirs(repo)
    git = lambda *args: subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True)
    git("init", "-q", "-b", "main")
    git("config", "user.email", "bench@example.com")
    git("config", "user.name", "bench")
    shutil.copytree(os.path.join(charts, "podinfo-6.14.1"), os.path.join(repo, "charts", "podinfo"))
    os.makedirs(os.path.join(repo, "apps"))
    source = "apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: platform\n  namespace: flux-system\nspec:\n  url: https://git.example.com/platform.git\n"
    with open(os.path.join(repo, "apps", "source.yaml"), "w") as f:
        f.write(source)
    def release(number, replicas):
        return (f"apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: app{number}\n  namespace: team{number}\nspec:\n"
                f"  chart:\n    spec:\n      chart: ./charts/podinfo\n      sourceRef: {{kind: GitRepository, name: platform, namespace: flux-system}}\n"
                f"  values:\n    replicaCount: {replicas}\n    image:\n      tag: 6.14.1\n")
    for number in range(100):
        with open(os.path.join(repo, "apps", f"app{number}.yaml"), "w") as f:
            f.write(release(number, 2))
    git("add", "-A")
    git("commit", "-qm", "100 releases")
    git("checkout", "-q", "-b", "pr")
    with open(os.path.join(repo, "apps", "app42.yaml"), "w") as f:
        f.write(release(42, 2).replace("tag: 6.14.1", "tag: latest"))
    git("commit", "-qam", "one value")
    command = [shipshape, "review", repo, "--base", "main", "--head", "pr", "--format", "json", "--cache-dir", os.path.join(work, "review-cache"),
               "--fail-on", "never"]
    timed(command, 1)
    seconds, result = timed(command, RUNS)
    comments = json.loads(result.stdout).get("comments", [])
    where = sorted(f"{c.get('path')}:{c.get('line')} {c.get('checkId')}" for c in comments)
    print(f"review of one changed HelmRelease among 100 (warm): {seconds:.2f} s; comments: {where}")

def main():
    shipshape, corpus_folder, charts = sys.argv[1], sys.argv[2], sys.argv[3]
    work = tempfile.mkdtemp(prefix="bench-render-")
    try:
        corpus(shipshape, corpus_folder, charts, work)
        review(shipshape, charts, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
