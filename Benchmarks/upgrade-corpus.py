#!/usr/bin/env python3
"""Upgrade scan of the GitOps corpus against a local registry and Helm repository server.

Usage: upgrade-corpus.py SHIPSHAPE CORPUS

1. `shipshape upgrade CORPUS --list --format json` names every pinned image, OCI chart and Helm chart.
2. A real Debian `docker-registry` on loopback gets every registry repository (under a path named after
   its host) with the pinned tag and the next patch; a `python3 -m http.server` serves one index.yaml per
   Helm repository with the pinned version and the next. A Shipshape config points `upgrades.mirrors` there.
3. `shipshape upgrade CORPUS --dry-run` runs twice with one cache folder. Printed for each run: wall time,
   dependencies found and outdated, tag-list requests the registry logged (must equal the distinct
   repositories on the first run), all registry requests, index.yaml requests and their statuses.
"""
import hashlib, json, os, re, shutil, subprocess, sys, tempfile, time
import loopback
from loopback import free_port, wait_for

def bumped(tag):
    release = tag.split("-", 1)[0]
    match = re.search(r"(\d+)(?!.*\d)", release)
    if not match:
        return None
    start, end = match.span()
    return tag[:start] + str(int(match.group(1)) + 1) + tag[end:]

def request(method, url, data=None, headers=None):
    return loopback.request(method, url, data, headers, agent="bench-upgrades-setup")

class Registry:
    def __init__(self, work):
        self.port = free_port()
        self.log = os.path.join(work, "registry.log")
        config = os.path.join(work, "registry.yml")
        with open(config, "w") as f:
            f.write(f"version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: false\nstorage:\n  filesystem:\n"
                    f"    rootdirectory: {work}/registry-data\nhttp:\n  addr: 127.0.0.1:{self.port}\n")
        self.process = subprocess.Popen(["docker-registry", "serve", config], stdout=open(self.log, "w"), stderr=subprocess.STDOUT)
        wait_for(self.port)
        self.base = f"http://127.0.0.1:{self.port}"
        self.layer = b"bench layer"
        self.config = json.dumps({"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers", "diff_ids": []}}).encode()
        self.first = None

    def blob(self, repository, data):
        digest = "sha256:" + hashlib.sha256(data).hexdigest()
        if self.first:
            status, headers, _ = request("POST", f"{self.base}/v2/{repository}/blobs/uploads/?mount={digest}&from={self.first}")
            if status == 201:
                return digest
        else:
            status, headers, _ = request("POST", f"{self.base}/v2/{repository}/blobs/uploads/")
        location = headers["Location"]
        location = location if location.startswith("http") else self.base + location
        request("PUT", location + ("&" if "?" in location else "?") + f"digest={digest}", data=data,
                headers={"Content-Type": "application/octet-stream"})
        return digest

    def push(self, repository, tags):
        config, layer = self.blob(repository, self.config), self.blob(repository, self.layer)
        self.first = self.first or repository
        for tag in tags:
            manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                                   "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": config, "size": len(self.config)},
                                   "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": layer, "size": len(self.layer)}],
                                   "annotations": {"tag": tag}}).encode()
            request("PUT", f"{self.base}/v2/{repository}/manifests/{tag}", data=manifest,
                    headers={"Content-Type": "application/vnd.oci.image.manifest.v1+json"})

    def requests(self):
        lines = [l for l in open(self.log, errors="replace") if '"GET /v2/' in l or '"HEAD /v2/' in l]
        lines = [l for l in lines if "bench-upgrades-setup" not in l]
        return len([l for l in lines if "/tags/list" in l]), len(lines)

def large_index(shipshape, work):
    """A 50 MB index.yaml (1,500 charts x 60 versions, as large as the biggest public ones): first run, cached run, peak memory."""
    folder = os.path.join(work, "large")
    os.makedirs(os.path.join(folder, "helm"))
    os.makedirs(os.path.join(folder, "tree"))
    with open(os.path.join(folder, "helm", "index.yaml"), "w") as f:
        f.write("apiVersion: v1\nentries:\n")
        for c in range(1500):
            f.write(f"  chart{c}:\n")
            for v in range(60):
                version = f"{v // 20}.{v % 20}.{c % 7}"
                f.write(f"  - apiVersion: v2\n    appVersion: {version}\n    created: \"2024-01-01T00:00:00.{v:06d}Z\"\n"
                        f"    description: A Helm chart for Kubernetes that deploys chart{c} with many options and a long description\n"
                        f"    digest: {hashlib.sha256(f'{c}-{v}'.encode()).hexdigest()}\n    home: https://github.com/example/chart{c}\n"
                        f"    keywords:\n    - chart{c}\n    - kubernetes\n    maintainers:\n    - email: team@example.com\n      name: team\n"
                        f"    name: chart{c}\n    sources:\n    - https://github.com/example/chart{c}\n    urls:\n"
                        f"    - https://charts.example.com/chart{c}-{version}.tgz\n    version: {version}\n")
        f.write('generated: "2024-01-01T00:00:00Z"\n')
    size = os.path.getsize(os.path.join(folder, "helm", "index.yaml")) / 1e6
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port), "--directory", os.path.join(folder, "helm")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(port)
        with open(os.path.join(folder, "tree", "kustomization.yaml"), "w") as f:
            f.write(f"helmCharts:\n  - {{name: chart7, repo: http://127.0.0.1:{port}, version: 0.1.0}}\n")
        for run in ("first", "cached"):
            start = time.time()
            result = subprocess.run(["/usr/bin/time", "-v", shipshape, "upgrade", os.path.join(folder, "tree"), "--dry-run",
                                     "--cache-dir", os.path.join(folder, "cache")], capture_output=True, text=True)
            wall = time.time() - start
            peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) / 1024
            found = "chart7  chart  0.1.0    2.19.0" in result.stdout
            print(f"large index ({size:.0f} MB, {run}): {wall:.2f} s, peak {peak:.0f} MB, newest version found: {found}")
    finally:
        server.terminate()
        server.wait()

def main():
    shipshape, corpus = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp(prefix="bench-upgrades-")
    processes = []
    try:
        found = json.loads(subprocess.run([shipshape, "upgrade", corpus, "--list", "--format", "json"], check=True,
                                          capture_output=True, text=True).stdout)
        registry_tags, indexes, mirrors = {}, {}, {}
        for dependency in found["dependencies"]:
            newer = bumped(dependency["current"])
            if newer is None:
                continue
            source = dependency["source"]
            if source.startswith("http://") or source.startswith("https://"):
                url, chart = source.rsplit(" ", 1)
                indexes.setdefault(url, {}).setdefault(chart, set()).update([dependency["current"], newer])
            else:
                registry_tags.setdefault(source, set()).update([dependency["current"], newer])
        registry = Registry(work)
        processes.append(registry.process)
        started = time.time()
        for source, tags in sorted(registry_tags.items()):
            host = source.split("/", 1)[0]
            mirrors[host] = f"127.0.0.1:{registry.port}/{host}"
            registry.push(source, sorted(t.replace("+", "_") for t in tags))
        helm_root, helm_port = os.path.join(work, "helm"), free_port()
        for url, charts in indexes.items():
            folder = os.path.join(helm_root, re.sub(r"^https?://", "", url).strip("/"))
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, "index.yaml"), "w") as f:
                f.write("apiVersion: v1\nentries:\n")
                for chart, versions in charts.items():
                    f.write(f"  {chart}:\n" + "".join(f'    - {{name: {chart}, version: "{v}", urls: ["{chart}-{v}.tgz"]}}\n' for v in sorted(versions)))
            mirrors[url] = f"http://127.0.0.1:{helm_port}/" + re.sub(r"^https?://", "", url).strip("/")
        helm_log = os.path.join(work, "helm.log")
        helm = subprocess.Popen([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(helm_port), "--directory", helm_root],
                                stdout=subprocess.DEVNULL, stderr=open(helm_log, "w"))
        processes.append(helm)
        wait_for(helm_port)
        config = os.path.join(work, "shipshape.yaml")
        with open(config, "w") as f:
            f.write("upgrades:\n  mirrors:\n" + "".join(f'    "{k}": "{v}"\n' for k, v in sorted(mirrors.items())))
        setup_seconds = time.time() - started
        print(f"corpus: {len(found['dependencies'])} dependencies found in {found['files']} files; "
              f"{len(registry_tags)} registry repositories and {len(indexes)} Helm repositories set up in {setup_seconds:.1f} s")
        print(f"{'run':<8} {'wall s':>7} {'outdated':>9} {'failed':>7} {'tag lists':>10} {'registry req':>13} {'index.yaml (200/304)':>21}")
        cache = os.path.join(work, "cache")
        for run in ("first", "cached"):
            tag_lists_before, registry_before = registry.requests()
            helm_before = open(helm_log).read().count("index.yaml")
            start = time.time()
            result = subprocess.run([shipshape, "upgrade", corpus, "--dry-run", "--format", "json", "--config", config, "--cache-dir", cache],
                                    capture_output=True, text=True)
            wall = time.time() - start
            if result.returncode != 0:
                sys.exit(f"bench-upgrades: shipshape failed: {result.stderr[-2000:]}")
            answer = json.loads(result.stdout)
            summary = answer["summary"]
            # What shipshape had to ask about: every dependency pinned to a version (skipped ones are not).
            asked = {e["source"] if not e["source"].startswith("http") else None for e in answer["dependencies"] if e["status"] != "skipped"}
            asked_indexes = {e["source"].rsplit(" ", 1)[0] for e in answer["dependencies"] if e["status"] != "skipped" and e["source"].startswith("http")}
            asked.discard(None)
            time.sleep(0.3)
            tag_lists, total = registry.requests()
            helm_lines = [l for l in open(helm_log).read().splitlines() if "index.yaml" in l][helm_before:]
            ok = sum(1 for l in helm_lines if '" 200 ' in l)
            not_modified = sum(1 for l in helm_lines if '" 304 ' in l)
            if run == "first":
                first_tag_lists = tag_lists - tag_lists_before
            print(f"{run:<8} {wall:>7.2f} {summary['outdated']:>9} {summary['failed']:>7} {tag_lists - tag_lists_before:>10} "
                  f"{total - registry_before:>13} {f'{ok}/{not_modified}':>21}")
        large_index(shipshape, work)
        print(f"distinct registry repositories pinned to a version: {len(asked)}; distinct Helm repositories: {len(asked_indexes)} "
              f"(first run's tag-list requests {'equal' if first_tag_lists == len(asked) else 'DIFFER FROM'} the distinct repositories)")
    finally:
        for process in processes:
            process.terminate()
            process.wait()
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
