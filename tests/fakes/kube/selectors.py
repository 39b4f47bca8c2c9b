"""Label selectors (`a=b,c!=d,e in (x,y),f notin (z),g,!h`) and field selectors (`metadata.name=x`)."""

import re

from .errors import bad_request

_TOKEN = re.compile(r"\s*(!=|==|=|\(|\)|,|!|[^\s!=(),]+)")


def _tokens(text):
    pos, out = 0, []
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            raise bad_request(f"unable to parse requirement: invalid label selector {text!r}")
        out.append(m.group(1))
        pos = m.end()
    return out


def parse_label_selector(text):
    """A list of predicates over a labels dict; raises ApiError on bad syntax."""
    if not text or not text.strip():
        return []
    toks = _tokens(text)
    preds, i = [], 0

    def fail():
        raise bad_request(f"unable to parse requirement: invalid label selector {text!r}")

    while i < len(toks):
        if toks[i] == "!":
            if i + 1 >= len(toks):
                fail()
            key = toks[i + 1]
            preds.append(lambda labels, k=key: k not in labels)
            i += 2
        else:
            key = toks[i]
            op = toks[i + 1] if i + 1 < len(toks) else ","
            if op in ("=", "=="):
                value = toks[i + 2] if i + 2 < len(toks) and toks[i + 2] != "," else ""
                preds.append(lambda labels, k=key, v=value: labels.get(k) == v)
                i += 3 if value else 2
            elif op == "!=":
                value = toks[i + 2] if i + 2 < len(toks) and toks[i + 2] != "," else ""
                preds.append(lambda labels, k=key, v=value: labels.get(k) != v)
                i += 3 if value else 2
            elif op in ("in", "notin"):
                if i + 2 >= len(toks) or toks[i + 2] != "(":
                    fail()
                j, values = i + 3, set()
                while j < len(toks) and toks[j] != ")":
                    if toks[j] != ",":
                        values.add(toks[j])
                    j += 1
                if j >= len(toks):
                    fail()
                if op == "in":
                    preds.append(lambda labels, k=key, vs=values: labels.get(k) in vs)
                else:
                    preds.append(lambda labels, k=key, vs=values: labels.get(k) not in vs)
                i = j + 1
            elif op == ",":
                preds.append(lambda labels, k=key: k in labels)
                i += 1
            else:
                fail()
        if i < len(toks):
            if toks[i] != ",":
                fail()
            i += 1
    return preds


def labels_match(preds, labels):
    labels = labels or {}
    return all(p(labels) for p in preds)


def match_labels_selector(selector):
    """A LabelSelector object ({matchLabels, matchExpressions}) as predicates."""
    preds = []
    if not selector:
        return preds
    for k, v in (selector.get("matchLabels") or {}).items():
        preds.append(lambda labels, k=k, v=v: labels.get(k) == v)
    for e in selector.get("matchExpressions") or []:
        k, op, vs = e.get("key"), e.get("operator"), set(e.get("values") or [])
        if op == "In":
            preds.append(lambda labels, k=k, vs=vs: labels.get(k) in vs)
        elif op == "NotIn":
            preds.append(lambda labels, k=k, vs=vs: labels.get(k) not in vs)
        elif op == "Exists":
            preds.append(lambda labels, k=k: k in labels)
        elif op == "DoesNotExist":
            preds.append(lambda labels, k=k: k not in labels)
    return preds


def selector_string(selector):
    """A LabelSelector object as the selector string a Scale or a Table shows."""
    parts = [f"{k}={v}" for k, v in sorted((selector or {}).get("matchLabels", {}).items())]
    for e in (selector or {}).get("matchExpressions") or []:
        op, k, vs = e.get("operator"), e.get("key"), ",".join(sorted(e.get("values") or []))
        parts.append({"In": f"{k} in ({vs})", "NotIn": f"{k} notin ({vs})",
                      "Exists": k, "DoesNotExist": f"!{k}"}.get(op, k))
    return ",".join(parts)


def _field_value(obj, path):
    cur = obj
    for part in path.split("."):
        if not isinstance(cur, dict):
            return ""
        cur = cur.get(part)
    if cur is None:
        return ""
    if isinstance(cur, bool):
        return "true" if cur else "false"
    return str(cur)


def parse_field_selector(text):
    """Predicates over a whole object; any dotted field path is accepted."""
    preds = []
    if not text or not text.strip():
        return preds
    for term in text.split(","):
        term = term.strip()
        if not term:
            continue
        m = re.match(r"^([A-Za-z0-9_.\-]+)\s*(!=|==|=)\s*(.*)$", term)
        if not m:
            raise bad_request(f'invalid selector: \'{text}\'; can\'t understand \'{term}\'')
        path, op, value = m.groups()
        if op == "!=":
            preds.append(lambda obj, p=path, v=value: _field_value(obj, p) != v)
        else:
            preds.append(lambda obj, p=path, v=value: _field_value(obj, p) == v)
    return preds


def fields_match(preds, obj):
    return all(p(obj) for p in preds)
