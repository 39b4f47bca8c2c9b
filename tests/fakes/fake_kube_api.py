#!/usr/bin/env python3
"""A scripted Kubernetes API server stand-in on 127.0.0.1 that real kubectl and Helm drive.

    python3 tests/fakes/fake_kube_api.py --state-dir DIR [options]

Writes DIR/kubeconfig (current context --context, server http://127.0.0.1:PORT, no auth),
then DIR/ready (the port) once serving; appends one JSON line per request to
DIR/requests.log; runs until SIGTERM or SIGINT. See tests/fakes/README.md for the contract.
"""

import argparse
import os
import re
import signal
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import yaml  # noqa: E402

from kube.cluster import Cluster, Options  # noqa: E402
from kube.controllers import Controllers  # noqa: E402
from kube.resources import Registry  # noqa: E402
from kube.schema import Schema  # noqa: E402
from kube.seeding import load_seeds  # noqa: E402
from kube.server import Config, KubeServer  # noqa: E402
from kube.store import Store  # noqa: E402

DEFAULT_SEED = os.path.join(HERE, "seeds", "docker-desktop-kubeadm.yaml")


def parse_args(argv):
    p = argparse.ArgumentParser(description="Kubernetes API server stand-in for tests.")
    p.add_argument("--state-dir", required=True, help="where kubeconfig, ready and requests.log are written")
    p.add_argument("--context", default="docker-desktop", help="name of the kubeconfig context (default docker-desktop)")
    p.add_argument("--extra-context", action="append", default=[], metavar="NAME=SERVER_URL", type=_extra_context,
                   help="another context and cluster in the kubeconfig; never contacted")
    p.add_argument("--server-version", default="v1.33.1", type=_version,
                   help="what /version answers, vMAJOR.MINOR.PATCH (default v1.33.1)")
    p.add_argument("--readyz-fail", action="store_true", help="/readyz and /livez answer 500 (etcd failed)")
    p.add_argument("--seed", action="append", default=[], metavar="FILE",
                   help="multi-document YAML preloaded into the store (default: seeds/docker-desktop-kubeadm.yaml)")
    p.add_argument("--never-ready", action="append", default=[], metavar="NAME",
                   help="Deployments/StatefulSets/DaemonSets of this name (or *) never become ready")
    p.add_argument("--never-ready-reason", default="CrashLoopBackOff", choices=["CrashLoopBackOff", "ImagePullBackOff"],
                   help="how never-ready pods fail (default CrashLoopBackOff)")
    p.add_argument("--test-fail", action="store_true", help="pods of helm test hooks end in phase Failed")
    p.add_argument("--ready-delay", type=float, default=0.0, metavar="SECONDS",
                   help="time a pod takes to start and controllers take to react (default 0: the cluster "
                        "settles before each write is answered)")
    return p.parse_args(argv)


def _version(text):
    if not re.match(r"^v\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$", text):
        raise argparse.ArgumentTypeError(f"wants vMAJOR.MINOR.PATCH such as v1.33.1, got {text!r}")
    return text


def _extra_context(text):
    name, sep, url = text.partition("=")
    if not sep or not name or not url:
        raise argparse.ArgumentTypeError(f"wants NAME=SERVER_URL, got {text!r}")
    return name, url


def kubeconfig(context, port, extra):
    clusters = [{"name": context, "cluster": {"server": f"http://127.0.0.1:{port}"}}]
    contexts = [{"name": context, "context": {"cluster": context, "user": context}}]
    users = [{"name": context, "user": {}}]
    for name, url in extra:
        clusters.append({"name": name, "cluster": {"server": url}})
        contexts.append({"name": name, "context": {"cluster": name, "user": name}})
        users.append({"name": name, "user": {}})
    return {"apiVersion": "v1", "kind": "Config", "preferences": {}, "clusters": clusters, "contexts": contexts,
            "users": users, "current-context": context}


def write_atomic(path, text):
    tmp = f"{path}.tmp.{os.getpid()}"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    os.makedirs(args.state_dir, exist_ok=True)
    for stale in ("ready", "kubeconfig"):
        try:
            os.unlink(os.path.join(args.state_dir, stale))
        except FileNotFoundError:
            pass
    store = Store()
    registry = Registry()
    schema = Schema()
    options = Options(args.never_ready, args.never_ready_reason, args.test_fail, args.ready_delay)
    cluster = Cluster(store, registry, options)
    try:
        load_seeds(cluster, args.seed or [DEFAULT_SEED], args.server_version)
    except OSError as e:
        sys.stderr.write(f"fake_kube_api: cannot read seed file {e.filename}: {e.strerror}\n")
        return 2
    except ValueError as e:
        sys.stderr.write(f"fake_kube_api: {e}\n")
        return 2
    config = Config(args.server_version, args.readyz_fail, os.path.join(args.state_dir, "requests.log"))
    controllers = Controllers(cluster)
    server = KubeServer(("127.0.0.1", 0), cluster, schema, config, controllers)
    port = server.server_address[1]
    write_atomic(os.path.join(args.state_dir, "kubeconfig"),
                 yaml.safe_dump(kubeconfig(args.context, port, args.extra_context), sort_keys=False))
    controllers.start()
    serving = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, name="http", daemon=True)
    serving.start()
    write_atomic(os.path.join(args.state_dir, "ready"), f"{port}\n")

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    while not stop.wait(3600):
        pass
    server.stopping.set()
    store.close_all_watches()
    controllers.stop()
    server.shutdown()
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
