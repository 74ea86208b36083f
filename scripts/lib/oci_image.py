#!/usr/bin/env python3
"""The bot's OCI image, written as an OCI image layout (no container runtime, no base image), and
pushed to a registry through the registry's HTTP API. scripts/build-image is the way in.

The root filesystem holds only what shipshape needs at run time: the binary; the two programs it
starts (/usr/bin/env and util-linux's prlimit: render workers run under an address-space limit,
HelmKit's IsolatedChartRenderer); the shared libraries all of them, libhelm_c (opened at run
time to render charts), libcurl and libgit2 (opened on first use) link, found by asking the
dynamic loader (ldd and ldconfig), never listed by hand; the CA certificates; /etc/passwd and /etc/group with the non-root user
shipshape (10001); the bundled configuration and templates. No shell, no package manager.
"""
import argparse
import base64
import datetime
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.error
import urllib.parse
import urllib.request

USER_ID = 10001
SOURCE = "https://github.com/shipshape-dev/shipshape"
STATE_FOLDERS = ["var/lib/shipshape", "var/cache/shipshape"]
# The programs shipshape starts itself (HelmKit: `env prlimit --as=N -- shipshape render-worker`).
STARTED_PROGRAMS = ["/usr/bin/env", "/usr/bin/prlimit"]


def opened_library_names():
    """The shared libraries shipshape opens itself on first use (dlopen), which ldd cannot see; they
    are not linked so that start-up does not load them and the libraries they need (issue 22).
    libcurl: HTTPKit's CurlFunctions.libraryName. libgit2: GitKit's GitLibrary.fileName, named
    with the ABI version of the headers shipshape was built with (the same pkg-config module)."""
    run = subprocess.run(["pkg-config", "--modversion", "libgit2"], capture_output=True, text=True)
    version = run.stdout.strip().split(".")
    if run.returncode != 0 or len(version) < 2:
        fail("pkg-config --modversion libgit2 failed: the libgit2 development files are needed (libgit2-dev)")
    return ["libcurl.so.4", f"libgit2.so.{version[0]}.{version[1]}"]


def fail(message):
    sys.exit(f"build-image: {message}")


def linked_libraries(path):
    """The shared objects `path` needs, as the dynamic loader resolves them: {path in the image: file}."""
    run = subprocess.run(["ldd", path], capture_output=True, text=True)
    if run.returncode != 0:
        fail(f"ldd {path}: {run.stderr.strip() or run.stdout.strip()}")
    found = {}
    for line in run.stdout.splitlines():
        line = line.strip()
        if "not found" in line:
            fail(f"{path} needs {line.split()[0]}, which the dynamic loader does not find")
        match = re.match(r"^(\S+) => (/\S+) \(0x", line) or re.match(r"^(/\S+) \(0x", line)
        if match:
            library = match.group(match.lastindex)
            found[library] = os.path.realpath(library)
    return found


def opened_library(name, linked):
    """Where the dynamic loader finds `name` for dlopen (ldconfig's cache), in a folder the binary's
    own libraries come from (so of its architecture): (path in the image, file)."""
    run = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True)
    folders = {os.path.dirname(path) for path in linked}
    for line in run.stdout.splitlines():
        match = re.match(r"^\s*(\S+) \(.*\) => (/\S+)$", line)
        if match and match.group(1) == name and os.path.dirname(match.group(2)) in folders:
            return match.group(2), os.path.realpath(match.group(2))
    fail(f"{name} not found by ldconfig next to the binary's libraries (shipshape opens it at run time)")


def helm_library(explicit):
    if explicit:
        return explicit
    if os.environ.get("SHIPSHAPE_HELM_LIBRARY"):
        return os.environ["SHIPSHAPE_HELM_LIBRARY"]
    run = subprocess.run(["python3", "-c", "import helm_python, os; print(os.path.dirname(helm_python.__file__))"],
                         capture_output=True, text=True)
    candidate = os.path.join(run.stdout.strip(), "lib", "libhelm_c.so")
    if run.returncode != 0 or not os.path.isfile(candidate):
        fail("libhelm_c.so not found: pip install helm-python-sdk (scripts/setup does), or pass --helm-library")
    return candidate


class Layer:
    """A reproducible tar of the root filesystem: sorted, fixed times, owners set per entry."""

    def __init__(self, epoch):
        self.epoch = epoch
        self.entries = {}  # image path -> (kind, source or target, mode, uid)

    def folder(self, path, mode=0o755, uid=0):
        parts = path.strip("/").split("/")
        for depth in range(1, len(parts)):
            self.entries.setdefault("/".join(parts[:depth]), ("dir", None, 0o755, 0))
        self.entries["/".join(parts)] = ("dir", None, mode, uid)

    def file(self, path, source, mode=None):
        path = path.strip("/")
        self.folder(os.path.dirname(path))
        self.entries[path] = ("file", source, mode if mode is not None else (os.stat(source).st_mode & 0o777), 0)

    def text(self, path, text, mode=0o644):
        path = path.strip("/")
        self.folder(os.path.dirname(path))
        self.entries[path] = ("text", text.encode(), mode, 0)

    def link(self, path, target):
        path = path.strip("/")
        self.folder(os.path.dirname(path))
        self.entries[path] = ("link", target, 0o777, 0)

    def write(self, out):
        with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
            for path in sorted(self.entries):
                kind, payload, mode, uid = self.entries[path]
                info = tarfile.TarInfo(path)
                info.mtime, info.mode, info.uid, info.gid = self.epoch, mode, uid, uid
                info.uname = info.gname = ""
                if kind == "dir":
                    info.type = tarfile.DIRTYPE
                    tar.addfile(info)
                elif kind == "link":
                    info.type, info.linkname = tarfile.SYMTYPE, payload
                    tar.addfile(info)
                elif kind == "text":
                    info.size = len(payload)
                    tar.addfile(info, io.BytesIO(payload))
                else:
                    info.size = os.path.getsize(payload)
                    with open(payload, "rb") as handle:
                        tar.addfile(info, handle)

    def content_bytes(self):
        return sum(os.path.getsize(p) if k == "file" else len(p) if k == "text" else 0 for k, p, _, _ in self.entries.values())


def root_filesystem(args, binary, helm, epoch):
    layer = Layer(epoch)
    sizes = {}
    layer.file("usr/local/bin/shipshape", binary, 0o755)
    sizes["shipshape binary"] = os.path.getsize(binary)
    # On the locator's list (HelmLibraryLocator): found without any setting.
    layer.file("usr/local/lib/libhelm_c.so", helm, 0o755)
    sizes["libhelm_c (Helm's engine)"] = os.path.getsize(helm)
    libraries = linked_libraries(binary)
    for name in opened_library_names():
        path, source = opened_library(name, libraries)
        libraries[path] = source
        libraries.update(linked_libraries(path))
    libraries.update(linked_libraries(helm))
    for program in STARTED_PROGRAMS:
        source = shutil.which(os.path.basename(program)) if not os.path.exists(program) else program
        if not source:
            fail(f"{program} not found (shipshape starts it to run render workers)")
        layer.file(program, os.path.realpath(source), 0o755)
        libraries.update(linked_libraries(source))
    sizes["env and prlimit (render workers)"] = sum(os.path.getsize(p) for p in STARTED_PROGRAMS)
    for path, source in sorted(libraries.items()):
        layer.file(path, source)
    sizes[f"{len(libraries)} shared libraries (ldd)"] = sum(os.path.getsize(s) for s in libraries.values())
    layer.file("etc/ssl/certs/ca-certificates.crt", args.ca_certificates, 0o644)
    sizes["CA certificates"] = os.path.getsize(args.ca_certificates)
    layer.text("etc/passwd", f"root:x:0:0:root:/root:/sbin/nologin\nshipshape:x:{USER_ID}:{USER_ID}:Shipshape:/var/lib/shipshape:/sbin/nologin\n")
    layer.text("etc/group", f"root:x:0:\nshipshape:x:{USER_ID}:\n")
    layer.text("etc/nsswitch.conf", "passwd: files\ngroup: files\nhosts: files dns\n")
    # The bundled configuration and templates; `shipshape serve` with no --config reads
    # config/shipshape.yaml from the working folder, /usr/share/shipshape.
    bundled = 0
    for folder in ("config", "templates"):
        for root, dirs, files in os.walk(os.path.join(args.repository, folder)):
            dirs[:] = [d for d in dirs if d != "deploy"]
            for name in files:
                source = os.path.join(root, name)
                layer.file("usr/share/shipshape/" + os.path.relpath(source, args.repository), source, 0o644)
                bundled += os.path.getsize(source)
    sizes["configuration and templates"] = bundled
    layer.folder("tmp", 0o1777)
    for folder in STATE_FOLDERS:
        layer.folder(folder, 0o750, USER_ID)
    if args.with_shell:
        # The CI variant: BusyBox's sh for runners that run scripts with a shell (GitLab CI).
        layer.file("bin/busybox", args.with_shell, 0o755)
        for applet in ("sh", "cat", "ls", "mkdir", "rm", "cp", "env", "test", "["):
            layer.link(f"bin/{applet}", "busybox")
        sizes["BusyBox (CI variant)"] = os.path.getsize(args.with_shell)
    return layer, sizes


def blob(layout, data):
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    with open(os.path.join(layout, "blobs", "sha256", digest[7:]), "wb") as out:
        out.write(data)
    return {"digest": digest, "size": len(data)}


def build(args):
    binary = os.path.realpath(args.binary)
    if args.strip:
        # Symbols and debug sections are for debuggers, not for running: half the binary.
        scratch = tempfile.TemporaryDirectory(prefix="shipshape-strip-")
        stripped = os.path.join(scratch.name, "shipshape")
        subprocess.run(["strip", "--strip-all", "-o", stripped, binary], check=True)
        binary = stripped
    helm = os.path.realpath(helm_library(args.helm_library))
    epoch = int(subprocess.run(["git", "-C", args.repository, "log", "-1", "--format=%ct"], capture_output=True, text=True).stdout.strip() or 0)
    created = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    revision = subprocess.run(["git", "-C", args.repository, "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    version = args.version or subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    layer, sizes = root_filesystem(args, binary, helm, epoch)

    if os.path.exists(args.output):
        shutil.rmtree(args.output)
    os.makedirs(os.path.join(args.output, "blobs", "sha256"))
    with tempfile.TemporaryFile() as tar:
        layer.write(tar)
        tar_size = tar.tell()
        tar.seek(0)
        diff = hashlib.sha256()
        compressed = io.BytesIO()
        with gzip.GzipFile(fileobj=compressed, mode="wb", mtime=0, compresslevel=6) as zipped:
            for chunk in iter(lambda: tar.read(1 << 20), b""):
                diff.update(chunk)
                zipped.write(chunk)
    layer_blob = blob(args.output, compressed.getvalue())
    labels = {
        "org.opencontainers.image.title": "shipshape",
        "org.opencontainers.image.description": "Shipshape, the GitOps pull-request bot for Kubernetes configuration",
        "org.opencontainers.image.source": SOURCE,
        "org.opencontainers.image.url": SOURCE,
        "org.opencontainers.image.version": version,
        "org.opencontainers.image.revision": revision,
        "org.opencontainers.image.licenses": args.licenses,
        "org.opencontainers.image.created": created,
    }
    architecture = {"x86_64": "amd64", "aarch64": "arm64"}.get(os.uname().machine, os.uname().machine)
    config = {
        "created": created,
        "architecture": architecture,
        "os": "linux",
        "config": {
            "User": f"{USER_ID}:{USER_ID}",
            "Env": ["PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/var/lib/shipshape"],
            "Entrypoint": ["/usr/local/bin/shipshape"],
            "Cmd": ["serve"],
            "WorkingDir": "/usr/share/shipshape",
            "ExposedPorts": {"8080/tcp": {}},
            "Labels": labels,
        },
        "rootfs": {"type": "layers", "diff_ids": ["sha256:" + diff.hexdigest()]},
        "history": [{"created": created, "created_by": "scripts/build-image"}],
    }
    config_blob = blob(args.output, json.dumps(config, sort_keys=True, separators=(",", ":")).encode())
    manifest = {
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", **config_blob},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", **layer_blob}],
        "annotations": labels,
    }
    manifest_bytes = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
    manifest_blob = blob(args.output, manifest_bytes)
    index = {
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.index.v1+json",
        "manifests": [{"mediaType": manifest["mediaType"], **manifest_blob,
                       "annotations": {"org.opencontainers.image.ref.name": args.tag}}],
    }
    with open(os.path.join(args.output, "index.json"), "w") as out:
        json.dump(index, out, indent=2)
    with open(os.path.join(args.output, "oci-layout"), "w") as out:
        json.dump({"imageLayoutVersion": "1.0.0"}, out)

    mib = lambda n: f"{n / (1 << 20):.1f} MiB"
    print(f"image {args.output} (tag {args.tag}), manifest {manifest_blob['digest']}")
    print(f"  compressed {mib(layer_blob['size'])} (what a registry stores and a node pulls), unpacked {mib(tar_size)}")
    for name, size in sizes.items():
        print(f"  {mib(size):>10}  {name}")
    return args.output


class Registry:
    """Pushes an OCI layout through the registry HTTP API: blob uploads (monolithic), then the
    manifest. Basic or Bearer (token service) authentication from SHIPSHAPE_REGISTRY_USERNAME and
    SHIPSHAPE_REGISTRY_PASSWORD; plain http only for loopback or with --insecure."""

    def __init__(self, reference, insecure):
        match = re.match(r"^([^/]+)/(.+):([^:/]+)$", reference)
        if not match:
            fail(f"push target {reference} is not HOST/REPOSITORY:TAG")
        self.host, self.repository, self.tag = match.groups()
        loopback = self.host.split(":")[0] in ("127.0.0.1", "localhost", "[::1]")
        self.base = ("http" if loopback or insecure else "https") + "://" + self.host
        self.login = (os.environ.get("SHIPSHAPE_REGISTRY_USERNAME"), os.environ.get("SHIPSHAPE_REGISTRY_PASSWORD"))
        self.authorization = None

    def request(self, method, url, body=None, headers=None, retry=True):
        request = urllib.request.Request(url if url.startswith("http") else self.base + url, data=body, method=method, headers=dict(headers or {}))
        if self.authorization:
            request.add_header("Authorization", self.authorization)
        try:
            return urllib.request.urlopen(request, timeout=300)
        except urllib.error.HTTPError as error:
            if error.code == 401 and retry and self.authenticate(error.headers.get("WWW-Authenticate", "")):
                if hasattr(body, "seek"):
                    body.seek(0)
                return self.request(method, url, body, headers, retry=False)
            if method == "HEAD" and error.code == 404:
                return None
            fail(f"{method} {request.full_url}: {error.code} {error.read()[:500].decode(errors='replace')}")

    def authenticate(self, challenge):
        user, password = self.login
        basic = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode() if user else None
        if challenge.startswith("Basic"):
            self.authorization = basic
            return basic is not None
        fields = dict(re.findall(r'(\w+)="([^"]*)"', challenge))
        if not challenge.startswith("Bearer") or "realm" not in fields:
            return False
        query = urllib.parse.urlencode({"service": fields.get("service", ""), "scope": f"repository:{self.repository}:pull,push"})
        token_request = urllib.request.Request(fields["realm"] + "?" + query)
        if basic:
            token_request.add_header("Authorization", basic)
        answer = json.load(urllib.request.urlopen(token_request, timeout=60))
        self.authorization = "Bearer " + (answer.get("token") or answer.get("access_token"))
        return True

    def push_blob(self, path, digest):
        if self.request("HEAD", f"/v2/{self.repository}/blobs/{digest}") is not None:
            return
        location = self.request("POST", f"/v2/{self.repository}/blobs/uploads/").headers["Location"]
        if location.startswith("/"):
            location = self.base + location
        separator = "&" if "?" in location else "?"
        with open(path, "rb") as body:
            self.request("PUT", f"{location}{separator}digest={digest}", body,
                         {"Content-Type": "application/octet-stream", "Content-Length": str(os.path.getsize(path))})

    def push(self, layout):
        index = json.load(open(os.path.join(layout, "index.json")))
        descriptor = index["manifests"][0]
        blobs = os.path.join(layout, "blobs", "sha256")
        manifest_bytes = open(os.path.join(blobs, descriptor["digest"][7:]), "rb").read()
        manifest = json.loads(manifest_bytes)
        for item in [manifest["config"]] + manifest["layers"]:
            self.push_blob(os.path.join(blobs, item["digest"][7:]), item["digest"])
        self.request("PUT", f"/v2/{self.repository}/manifests/{self.tag}", manifest_bytes,
                     {"Content-Type": manifest["mediaType"]})
        print(f"pushed {self.host}/{self.repository}:{self.tag}@{descriptor['digest']}")


def main():
    parser = argparse.ArgumentParser(prog="build-image")
    parser.add_argument("--binary", required=True)
    parser.add_argument("--repository", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--tag", default="latest")
    parser.add_argument("--version")
    parser.add_argument("--licenses", default="NOASSERTION")
    parser.add_argument("--helm-library")
    parser.add_argument("--ca-certificates", default="/etc/ssl/certs/ca-certificates.crt")
    parser.add_argument("--with-shell", metavar="BUSYBOX")
    parser.add_argument("--no-strip", dest="strip", action="store_false")
    parser.add_argument("--push", metavar="HOST/REPOSITORY:TAG")
    parser.add_argument("--insecure", action="store_true")
    args = parser.parse_args()
    layout = build(args)
    if args.push:
        Registry(args.push, args.insecure).push(layout)


if __name__ == "__main__":
    main()
