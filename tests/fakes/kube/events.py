"""Events are stored once, as core/v1 Events, and served as events.k8s.io/v1 Events too."""

from .store import clone


def core_to_events_v1(e):
    out = {"apiVersion": "events.k8s.io/v1", "kind": "Event", "metadata": clone(e.get("metadata", {})),
           "eventTime": e.get("eventTime"), "reportingController": e.get("reportingComponent") or e.get("source", {}).get("component", ""),
           "reportingInstance": e.get("reportingInstance", ""), "action": e.get("action", ""), "reason": e.get("reason", ""),
           "regarding": clone(e.get("involvedObject", {})), "note": e.get("message", ""), "type": e.get("type", ""),
           "deprecatedSource": clone(e.get("source", {})), "deprecatedFirstTimestamp": e.get("firstTimestamp"),
           "deprecatedLastTimestamp": e.get("lastTimestamp"), "deprecatedCount": e.get("count", 1)}
    if e.get("related"):
        out["related"] = e["related"]
    return {k: v for k, v in out.items() if v not in (None, "")}


def events_v1_to_core(e):
    if e.get("apiVersion") == "v1":
        return e
    out = {"apiVersion": "v1", "kind": "Event", "metadata": clone(e.get("metadata", {})),
           "involvedObject": clone(e.get("regarding", {})), "reason": e.get("reason", ""),
           "message": e.get("note", ""), "type": e.get("type", ""), "eventTime": e.get("eventTime"),
           "reportingComponent": e.get("reportingController", ""), "reportingInstance": e.get("reportingInstance", ""),
           "action": e.get("action", ""), "source": clone(e.get("deprecatedSource") or {}),
           "firstTimestamp": e.get("deprecatedFirstTimestamp"), "lastTimestamp": e.get("deprecatedLastTimestamp"),
           "count": e.get("deprecatedCount")}
    return {k: v for k, v in out.items() if v is not None}
