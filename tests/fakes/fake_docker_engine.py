#!/usr/bin/env python3
"""A Docker Engine API stand-in on a unix socket, for running the real docker
CLI in tests (DOCKER_HOST=unix://SOCKET). It answers what preflight asks:
/_ping, /version, /info (shaped like Docker Desktop's or a plain Linux
engine's) and /images/<ref>/json for the images it is told exist.

  fake_docker_engine.py --socket PATH [--engine desktop|linux]
                        [--image REF]... [--ncpu N] [--mem-bytes N]

It writes PATH.ready once it listens, logs one JSON line per request to
PATH.log and runs until SIGTERM. A daemon that is down is simply a socket
path nobody listens on.
"""
import argparse
import json
import os
import signal
import socketserver
import sys
from http.server import BaseHTTPRequestHandler
from urllib.parse import unquote, urlsplit

API_VERSION = "1.47"


def normalize(ref):
    """docker.io/library/postgres:16 -> postgres:16; a missing tag is latest."""
    if "@" not in ref and ":" not in ref.rsplit("/", 1)[-1]:
        ref += ":latest"
    for prefix in ("docker.io/library/", "docker.io/", "index.docker.io/library/"):
        if ref.startswith(prefix):
            return ref[len(prefix):]
    return ref


def info_document(args):
    desktop = args.engine == "desktop"
    return {
        "ID": "5d3c0a8e-fake-engine",
        "Containers": 3, "ContainersRunning": 1, "ContainersPaused": 0, "ContainersStopped": 2,
        "Images": len(args.image),
        "Driver": "overlayfs" if desktop else "overlay2",
        "ServerVersion": "27.4.0" if desktop else "26.1.5",
        "OperatingSystem": "Docker Desktop" if desktop else "Debian GNU/Linux 12 (bookworm)",
        "OSType": "linux",
        "Architecture": "x86_64",
        "KernelVersion": "6.10.14-linuxkit" if desktop else "6.1.0-28-amd64",
        "Name": "docker-desktop" if desktop else "build-host",
        "NCPU": args.ncpu,
        "MemTotal": args.mem_bytes,
        "Labels": ["com.docker.desktop.address=unix:///Users/dev/Library/Containers/"
                   "com.docker.docker/Data/docker-cli.sock"] if desktop else [],
        "SecurityOptions": ["name=seccomp,profile=unconfined", "name=cgroupns"],
        "Runtimes": {"runc": {"path": "runc"}},
        "DefaultRuntime": "runc",
        "Swarm": {"LocalNodeState": "inactive", "NodeID": "", "NodeAddr": "",
                  "ControlAvailable": False, "Error": "", "RemoteManagers": None},
        "RegistryConfig": {"IndexConfigs": {}, "InsecureRegistryCIDRs": ["127.0.0.0/8"],
                           "Mirrors": []},
        "Warnings": None,
    }


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Docker/27.4.0 (linux)"

    def log_message(self, fmt, *a):  # the request log below replaces stderr noise
        pass

    def address_string(self):
        return "unix"

    def _send(self, status, body=None, content_type="application/json"):
        data = b"" if body is None else (
            body.encode() if isinstance(body, str) else json.dumps(body).encode())
        self.send_response(status)
        self.send_header("Api-Version", API_VERSION)
        self.send_header("Ostype", "linux")
        self.send_header("Docker-Experimental", "false")
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _route(self):
        args = self.server.args
        path = urlsplit(self.path).path
        with open(args.socket + ".log", "a") as log:
            log.write(json.dumps({"method": self.command, "path": path}) + "\n")
        parts = path.split("/")
        if len(parts) > 1 and parts[1].startswith("v1."):
            path = "/" + "/".join(parts[2:])
        if path == "/_ping":
            return self._send(200, "OK", "text/plain; charset=utf-8")
        if path == "/version":
            return self._send(200, {"Version": info_document(args)["ServerVersion"],
                                    "ApiVersion": API_VERSION, "MinAPIVersion": "1.24",
                                    "Os": "linux", "Arch": "amd64"})
        if path == "/info":
            return self._send(200, info_document(args))
        if path.startswith("/images/") and path.endswith("/json"):
            ref = unquote(path[len("/images/"):-len("/json")])
            if normalize(ref) in {normalize(i) for i in args.image}:
                return self._send(200, {"Id": "sha256:" + "0" * 64, "RepoTags": [normalize(ref)],
                                        "Os": "linux", "Architecture": "amd64",
                                        "Size": 123456789})
            return self._send(404, {"message": f"No such image: {ref}"})
        return self._send(404, {"message": f"page not found: {path}"})

    do_GET = do_HEAD = do_POST = _route


class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--socket", required=True)
    p.add_argument("--engine", choices=["desktop", "linux"], default="desktop")
    p.add_argument("--image", action="append", default=[])
    p.add_argument("--ncpu", type=int, default=8)
    p.add_argument("--mem-bytes", type=int, default=8 * 1024**3)
    args = p.parse_args()
    if os.path.exists(args.socket):
        os.unlink(args.socket)
    server = Server(args.socket, Handler)
    server.args = args
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with open(args.socket + ".ready.tmp", "w") as f:
        f.write("ready\n")
    os.rename(args.socket + ".ready.tmp", args.socket + ".ready")
    try:
        server.serve_forever()
    finally:
        os.unlink(args.socket)


if __name__ == "__main__":
    main()
