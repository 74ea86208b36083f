"""Helpers the benchmarks share for servers on loopback."""
import socket, sys, time, urllib.request

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def wait_for(port, who="benchmark"):
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)
    sys.exit(f"{who}: nothing listens on {port}")

def request(method, url, data=None, headers=None, agent=None):
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if agent:
        req.add_header("User-Agent", agent)
    with urllib.request.urlopen(req) as response:
        return response.status, dict(response.headers), response.read()
