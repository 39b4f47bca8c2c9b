"""HTTP: routing of Kubernetes API paths to the Api, JSON and Table responses, health
endpoints, discovery and OpenAPI, and the request log. Watches stream from watch.py."""

import json
import socket
import threading
import traceback
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from . import discovery, subresources, tables, watch
from .api import Api
from .errors import ApiError, method_not_allowed, page_not_found
from .request import Request

HEALTH_CHECKS = ["ping", "log", "etcd", "etcd-readiness", "informer-sync", "poststarthook/start-apiserver-admission-initializer",
                 "poststarthook/generic-apiserver-start-informers", "poststarthook/start-apiextensions-controllers",
                 "poststarthook/crd-informer-synced", "poststarthook/bootstrap-controller",
                 "poststarthook/rbac/bootstrap-roles", "poststarthook/scheduling/bootstrap-system-priority-classes",
                 "poststarthook/apiservice-registration-controller", "poststarthook/apiservice-status-available-controller",
                 "shutdown"]


class Config:
    def __init__(self, server_version="v1.33.1", readyz_fail=False, request_log=None, platform="linux/amd64"):
        self.server_version = server_version
        self.readyz_fail = readyz_fail
        self.request_log = request_log
        self.platform = platform


def version_info(git_version, platform):
    """The /version document (emulation and compatibility versions as 1.33 reports them)."""
    major, minor = (git_version.lstrip("v").split("-")[0].split(".") + ["0", "0"])[:2]
    previous = str(int(minor) - 1) if minor.isdigit() and int(minor) > 0 else minor
    return {"major": major, "minor": minor, "emulationMajor": major, "emulationMinor": minor,
            "minCompatibilityMajor": major, "minCompatibilityMinor": previous, "gitVersion": git_version,
            "gitCommit": "8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828", "gitTreeState": "clean",
            "buildDate": "2025-05-15T08:19:08Z", "goVersion": "go1.24.2", "compiler": "gc", "platform": platform}


class KubeServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address, cluster, schema, config, controllers=None):
        super().__init__(address, Handler)
        self.cluster = cluster
        self.controllers = controllers
        self.api = Api(cluster, schema)
        self.schema = schema
        self.config = config
        self.log_lock = threading.Lock()
        self.stopping = threading.Event()
        self.openapi_cache = {}

    def log_request_line(self, entry):
        if not self.config.request_log:
            return
        line = json.dumps(entry, separators=(",", ":")) + "\n"
        with self.log_lock:
            with open(self.config.request_log, "a") as f:
                f.write(line)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fake-kube-api"
    sys_version = ""

    def log_message(self, fmt, *args):  # the request log replaces the default stderr lines
        pass

    def setup(self):
        super().setup()
        # Headers and body leave in separate writes; without TCP_NODELAY, Nagle's algorithm
        # and the client's delayed ACK add 40 ms to every response.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    # -- plumbing --------------------------------------------------------------
    def _body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            out = b""
            while True:
                size = int(self.rfile.readline().strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    return out
                out += self.rfile.read(size)
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send(self, code, body, content_type="application/json", warnings=()):
        data = body if isinstance(body, bytes) else (body.encode() if isinstance(body, str) else discovery.dumps(body))
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-cache, private")
        for w in warnings:
            self.send_header("Warning", '299 - "%s"' % w.replace("\\", "\\\\").replace('"', '\\"'))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _error(self, err):
        self._send(err.code, err.status())

    def do_GET(self):
        self._dispatch("GET")

    def do_HEAD(self):
        self._dispatch("GET")

    def do_POST(self):
        self._dispatch("POST")

    def do_PUT(self):
        self._dispatch("PUT")

    def do_PATCH(self):
        self._dispatch("PATCH")

    def do_DELETE(self):
        self._dispatch("DELETE")

    def _dispatch(self, method):
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True))
        self.server.log_request_line({"method": self.command, "path": url.path, "query": url.query,
                                      "contentType": self.headers.get("Content-Type", ""),
                                      "userAgent": self.headers.get("User-Agent", "")})
        body = self._body() if method in ("POST", "PUT", "PATCH", "DELETE") else b""
        try:
            self._route(method, url.path, query, body)
        except ApiError as e:
            self._error(e)
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception as e:  # a stand-in bug: answer 500 as a Status, keep serving
            traceback.print_exc()
            self._error(ApiError(500, "InternalError", f"fake-kube-api internal error: {e}"))

    # -- routing -----------------------------------------------------------------
    def _route(self, method, path, query, body):
        parts = [p for p in path.split("/") if p]
        cfg = self.server.config
        if not parts:
            paths = ["/api", "/api/v1", "/apis", "/healthz", "/livez", "/readyz", "/version", "/openapi/v2", "/openapi/v3"]
            return self._send(200, {"paths": paths})
        if parts[0] in ("healthz", "livez", "readyz"):
            return self._health(parts, query)
        if parts == ["version"]:
            return self._send(200, version_info(cfg.server_version, cfg.platform))
        if parts[0] == "openapi":
            return self._openapi(parts)
        registry = self.server.cluster.registry
        accept = self.headers.get("Accept", "")
        if parts[0] == "api":
            if len(parts) == 1:
                if discovery.wants_aggregated(accept):
                    return self._send(200, discovery.aggregated(registry, core=True), discovery.AGGREGATED_V2)
                return self._send(200, discovery.api_versions(f"{self.server.server_address[0]}:{self.server.server_address[1]}"))
            if parts[1] != "v1":
                raise page_not_found()
            if len(parts) == 2:
                return self._send(200, discovery.api_resource_list(registry, "", "v1"))
            return self._resource(method, "", "v1", parts[2:], query, body)
        if parts[0] == "apis":
            if len(parts) == 1:
                if discovery.wants_aggregated(accept):
                    return self._send(200, discovery.aggregated(registry, core=False), discovery.AGGREGATED_V2)
                return self._send(200, discovery.api_group_list(registry))
            if len(parts) == 2:
                doc = discovery.api_group(registry, parts[1])
                if doc is None:
                    raise page_not_found()
                return self._send(200, doc)
            if len(parts) == 3:
                doc = discovery.api_resource_list(registry, parts[1], parts[2])
                if doc is None:
                    raise page_not_found()
                return self._send(200, doc)
            return self._resource(method, parts[1], parts[2], parts[3:], query, body)
        raise page_not_found()

    def _health(self, parts, query):
        cfg = self.server.config
        which = parts[0]
        checks = ["ping", "log", "etcd", "poststarthook/start-apiserver-admission-initializer"] if which != "readyz" else HEALTH_CHECKS
        if len(parts) > 1:
            name = "/".join(parts[1:])
            failed = cfg.readyz_fail and which in ("readyz", "livez") and name.startswith("etcd")
            if failed:
                return self._send(500, "internal server error: etcd failed: reason withheld\n", "text/plain; charset=utf-8")
            return self._send(200, "ok", "text/plain; charset=utf-8")
        failing = cfg.readyz_fail and which in ("readyz", "livez")
        if not failing and "verbose" not in query:
            return self._send(200, "ok", "text/plain; charset=utf-8")
        lines = []
        for c in checks:
            if failing and c in ("etcd", "etcd-readiness"):
                lines.append(f"[-]{c} failed: reason withheld")
            else:
                lines.append(f"[+]{c} ok")
        lines.append(f"{which} check failed" if failing else f"{which} check passed")
        return self._send(500 if failing else 200, "\n".join(lines) + "\n", "text/plain; charset=utf-8")

    def _openapi(self, parts):
        srv = self.server
        registry = srv.cluster.registry
        if parts[1:] == ["v3"]:
            return self._send(200, discovery.openapi_v3_index(registry, srv.schema.source))
        if len(parts) >= 3 and parts[1] == "v3":
            if parts[2] == "api" and parts[3:] == ["v1"]:
                group, version = "", "v1"
            elif parts[2] == "apis" and len(parts) == 5:
                group, version = parts[3], parts[4]
            else:
                raise page_not_found()
            cache_key = (group, version, registry.generation)
            data = srv.openapi_cache.get(cache_key)
            if data is None:
                doc = discovery.openapi_v3_doc(registry, srv.schema, group, version)
                if doc is None:
                    raise page_not_found()
                data = discovery.dumps(doc)
                srv.openapi_cache[cache_key] = data
            return self._send(200, data)
        if parts[1:] == ["v2"]:
            # client-go asks for the protobuf form only; the stand-in has none, so clients use v3.
            if "json" not in self.headers.get("Accept", "") and "*/*" not in self.headers.get("Accept", ""):
                return self._send(406, {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
                                        "message": "only application/json is served for /openapi/v2",
                                        "reason": "NotAcceptable", "code": 406})
            return self._send(200, discovery.dumps(discovery.openapi_v2_doc(srv.schema)))
        raise page_not_found()

    # -- resources -------------------------------------------------------------------
    def _resource(self, method, group, version, rest, query, body):
        registry = self.server.cluster.registry
        namespace = None
        if rest[0] == "namespaces" and len(rest) >= 3 and rest[2] not in ("status", "finalize"):
            namespace, rest = rest[1], rest[2:]
        rtype = registry.find(group, version, rest[0])
        if rtype is None:
            raise page_not_found()
        if namespace is not None and not rtype.namespaced:
            raise page_not_found()
        name = rest[1] if len(rest) > 1 else None
        sub = "/".join(rest[2:]) if len(rest) > 2 else None
        if sub and sub not in rtype.subresources:
            raise page_not_found()
        req = Request(rtype, namespace if rtype.namespaced else None, name, sub, query, body,
                      self.headers.get("Content-Type"), self.headers.get("User-Agent"))
        api = self.server.api
        if name is None:
            if method == "GET":
                if query.get("watch") in ("1", "true"):
                    return self._watch(req)
                return self._list(req)
            if method == "POST":
                if rtype.namespaced and namespace is None:
                    raise method_not_allowed()
                obj, warnings, code = api.create(req)
                self._settle()
                return self._object(code, req, obj, warnings)
            if method == "DELETE":
                items = api.delete_collection(req)
                self._settle()
                return self._send(200, {"kind": f"{rtype.kind}List", "apiVersion": rtype.api_version,
                                        "metadata": {}, "items": items})
            raise method_not_allowed()
        if rtype.namespaced and namespace is None:
            raise page_not_found()
        if method == "GET":
            if sub == "log":
                return self._log(req)
            if sub == "scale":
                return self._send(200, subresources.scale_of(api, req, api.get(req)))
            return self._object(200, req, api.get(req), ())
        handlers = {"POST": api.create, "PUT": api.update, "PATCH": api.patch, "DELETE": api.delete}
        if method not in handlers:
            raise method_not_allowed()
        obj, warnings, code = handlers[method](req)
        self._settle()
        return self._object(code, req, obj, warnings)

    def _settle(self):
        if self.server.controllers is not None:
            self.server.controllers.settle()

    def _object(self, code, req, obj, warnings):
        if tables.wants_table(self.headers.get("Accept")) and obj.get("kind") == req.rtype.kind:
            table = tables.table(req.rtype.kind, [obj], req.q("includeObject", "Metadata"),
                                 obj["metadata"].get("resourceVersion", ""))
            return self._send(code, table, warnings=warnings)
        return self._send(code, obj, warnings=warnings)

    def _list(self, req):
        items, rv, cont, remaining = self.server.api.list(req)
        if tables.wants_table(self.headers.get("Accept")):
            table = tables.table(req.rtype.kind, items, req.q("includeObject", "Metadata"), rv)
            if cont:
                table["metadata"]["continue"] = cont
            return self._send(200, table)
        md = {"resourceVersion": rv}
        if cont:
            md["continue"] = cont
            md["remainingItemCount"] = remaining
        return self._send(200, {"kind": f"{req.rtype.kind}List", "apiVersion": req.rtype.api_version,
                                "metadata": md, "items": items})

    def _log(self, req):
        text = subresources.pod_log(self.server.api, self.server.cluster, req)
        return self._send(200, text.encode(), "text/plain")

    def _watch(self, req):
        watch.serve(self, req)



