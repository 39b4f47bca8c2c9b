"""Objects by storage key, one resourceVersion counter, and watch fan-out.

The store knows nothing about API semantics (defaults, patches, status rules); the server
decides what to write. Reads and writes copy objects, so callers never share state.
Every write appends to a bounded history, so a watch can start from any recent
resourceVersion as client-go's reflectors do after a list.
"""

import collections
import copy
import datetime
import marshal
import queue
import threading
import uuid

HISTORY = 50000


def clone(obj):
    """A deep copy of a JSON-like value; marshal does it in C, several times faster than
    copy.deepcopy, which matters as every read and write copies whole objects."""
    try:
        return marshal.loads(marshal.dumps(obj))
    except ValueError:
        return copy.deepcopy(obj)


def now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def now_micro():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def new_uid():
    return str(uuid.uuid4())


class Watcher:
    def __init__(self, key, namespace, accept):
        self.key = key
        self.namespace = namespace
        self.accept = accept  # obj -> bool (label/field selectors)
        self.events = queue.Queue()
        self.closed = False

    def wants(self, key, obj):
        if self.closed or key != self.key:
            return False
        if self.namespace and obj.get("metadata", {}).get("namespace") != self.namespace:
            return False
        return self.accept(obj)


class Store:
    def __init__(self):
        self.lock = threading.RLock()
        self.objects = collections.defaultdict(dict)  # key -> {(ns, name): obj}
        self.rv = 100
        self.history = collections.deque(maxlen=HISTORY)  # (rv, key, type, obj)
        self.watchers = []
        self.listeners = []  # fn(key, type, obj, old) called after each write, under the lock

    # -- reads -------------------------------------------------------------
    def get(self, key, namespace, name):
        with self.lock:
            obj = self.objects[key].get((namespace or "", name))
            return clone(obj) if obj is not None else None

    def list(self, key, namespace=None, accept=None):
        """(items sorted by namespace and name, resourceVersion of the snapshot)."""
        with self.lock:
            items = []
            for (ns, name), obj in sorted(self.objects[key].items()):
                if namespace and ns != namespace:
                    continue
                if accept and not accept(obj):
                    continue
                items.append(clone(obj))
            return items, str(self.rv)

    def current_rv(self):
        with self.lock:
            return str(self.rv)

    # -- writes ------------------------------------------------------------
    def _next_rv(self):
        self.rv += 1
        return str(self.rv)

    def create(self, key, obj):
        with self.lock:
            md = obj.setdefault("metadata", {})
            ident = (md.get("namespace") or "", md["name"])
            if ident in self.objects[key]:
                return None
            md.setdefault("uid", new_uid())
            md.setdefault("creationTimestamp", now())
            md["resourceVersion"] = self._next_rv()
            self.objects[key][ident] = clone(obj)
            self._emit(key, "ADDED", obj, None)
            return clone(obj)

    def update(self, key, obj):
        """Replaces an existing object. An object marked for deletion whose finalizers are
        all gone is removed, as the API server does."""
        with self.lock:
            md = obj["metadata"]
            ident = (md.get("namespace") or "", md["name"])
            old = self.objects[key].get(ident)
            if old is None:
                return None
            md["resourceVersion"] = self._next_rv()
            self.objects[key][ident] = clone(obj)
            self._emit(key, "MODIFIED", obj, old)
            if md.get("deletionTimestamp") and not md.get("finalizers"):
                return self.remove(key, md.get("namespace"), md["name"])
            return clone(obj)

    def remove(self, key, namespace, name):
        with self.lock:
            obj = self.objects[key].pop((namespace or "", name), None)
            if obj is None:
                return None
            obj["metadata"]["resourceVersion"] = self._next_rv()
            self._emit(key, "DELETED", obj, obj)
            return clone(obj)

    def _emit(self, key, etype, obj, old):
        snapshot = clone(obj)
        self.history.append((int(snapshot["metadata"]["resourceVersion"]), key, etype, snapshot))
        for w in self.watchers:
            if w.wants(key, snapshot):
                w.events.put((etype, snapshot))
        for fn in self.listeners:
            fn(key, etype, snapshot, old)

    # -- watches -----------------------------------------------------------
    def watch(self, key, namespace, accept, since_rv):
        """A Watcher fed with history after since_rv (None: nothing old), then live events.
        Returns None when since_rv is older than the retained history (410 Gone)."""
        with self.lock:
            w = Watcher(key, namespace, accept)
            if since_rv is not None:
                wrapped = len(self.history) == self.history.maxlen
                if wrapped and since_rv < self.history[0][0] - 1:
                    return None
                for rv, k, etype, obj in self.history:
                    if rv > since_rv and w.wants(k, obj):
                        w.events.put((etype, clone(obj)))
            self.watchers.append(w)
            return w

    def stop_watch(self, w):
        with self.lock:
            w.closed = True
            if w in self.watchers:
                self.watchers.remove(w)
            w.events.put(None)

    def close_all_watches(self):
        with self.lock:
            for w in list(self.watchers):
                self.stop_watch(w)
