"""Watches (?watch=1): chunked JSON events, as client-go's reflectors and kubectl consume them.

A watch from a resourceVersion replays the retained history after it (410 Gone when it is
older), otherwise the current objects come first as ADDED events. sendInitialEvents (the
WatchList protocol) ends the initial events with a bookmark annotated
k8s.io/initial-events-end; allowWatchBookmarks adds a bookmark every 10 s of quiet. Tables
are streamed when the Accept header asks for them.
"""

import json
import queue
import time

from . import tables
from .errors import bad_request, gone
from .selectors import fields_match, labels_match, parse_field_selector, parse_label_selector

BOOKMARK_INTERVAL = 10.0


def serve(handler, req):
    """Streams watch events for req over handler's connection until the timeout, the
    client leaving, or the server stopping."""
    srv = handler.server
    store = srv.cluster.store
    api = srv.api
    rtype = req.rtype
    label_preds = parse_label_selector(req.q("labelSelector"))
    field_preds = parse_field_selector(req.q("fieldSelector"))

    def accept(obj):
        view = api.view(rtype, obj)
        return labels_match(label_preds, view.get("metadata", {}).get("labels")) and fields_match(field_preds, view)

    rv = req.q("resourceVersion") or ""
    initial = req.q("sendInitialEvents") == "true"
    bookmarks = req.q("allowWatchBookmarks") in ("true", "1")
    timeout = float(req.q("timeoutSeconds") or 1800)
    with store.lock:
        if initial or rv in ("", "0"):
            items, snapshot_rv = store.list(rtype.key, req.namespace, accept)
            watcher = store.watch(rtype.key, req.namespace, accept, None)
            first = [("ADDED", o) for o in items]
        else:
            try:
                since = int(rv)
            except ValueError:
                raise bad_request(f"invalid resource version: {rv}")
            watcher = store.watch(rtype.key, req.namespace, accept, since)
            if watcher is None:
                raise gone(f"too old resource version: {rv} ({store.current_rv()})")
            first, snapshot_rv = [], store.current_rv()
    as_table = tables.wants_table(handler.headers.get("Accept"))
    try:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Transfer-Encoding", "chunked")
        handler.send_header("Cache-Control", "no-cache, private")
        handler.end_headers()
        for etype, obj in first:
            _event(handler, etype, api.view(rtype, obj), as_table, req)
        if initial and bookmarks:
            _bookmark(handler, rtype, snapshot_rv, initial_end=True)
        handler.wfile.flush()
        deadline = time.monotonic() + timeout
        next_bookmark = time.monotonic() + BOOKMARK_INTERVAL
        while not srv.stopping.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                break
            try:
                item = watcher.events.get(timeout=min(left, 0.5))
            except queue.Empty:
                if bookmarks and time.monotonic() >= next_bookmark:
                    _bookmark(handler, rtype, store.current_rv())
                    handler.wfile.flush()
                    next_bookmark = time.monotonic() + BOOKMARK_INTERVAL
                continue
            if item is None:
                break
            etype, obj = item
            _event(handler, etype, api.view(rtype, obj), as_table, req)
            handler.wfile.flush()
        handler.wfile.write(b"0\r\n\r\n")
        handler.wfile.flush()
    except (BrokenPipeError, ConnectionResetError, OSError):
        handler.close_connection = True
    finally:
        store.stop_watch(watcher)


def _write_chunk(handler, data):
    handler.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")


def _event(handler, etype, obj, as_table, req):
    if as_table:
        obj = tables.table(req.rtype.kind, [obj], req.q("includeObject", "Metadata"),
                           obj["metadata"].get("resourceVersion", ""))
    _write_chunk(handler, json.dumps({"type": etype, "object": obj}, separators=(",", ":")).encode() + b"\n")


def _bookmark(handler, rtype, rv, initial_end=False):
    md = {"resourceVersion": rv, "creationTimestamp": None}
    if initial_end:
        md["annotations"] = {"k8s.io/initial-events-end": "true"}
    obj = {"kind": rtype.kind, "apiVersion": rtype.api_version, "metadata": md}
    _write_chunk(handler, json.dumps({"type": "BOOKMARK", "object": obj}, separators=(",", ":")).encode() + b"\n")
