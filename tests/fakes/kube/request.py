"""A request as the REST layer sees it, and its body decoded (JSON, YAML or protobuf)."""

import yaml

from . import protobuf, validation
from .errors import bad_request

JSON_PATCH = "application/json-patch+json"
MERGE_PATCH = "application/merge-patch+json"
STRATEGIC_PATCH = "application/strategic-merge-patch+json"
APPLY_PATCH = "application/apply-patch+yaml"


class Request:
    """What a handler needs from the HTTP request."""

    def __init__(self, rtype, namespace, name, subresource, query, body, content_type, user_agent):
        self.rtype = rtype
        self.namespace = namespace
        self.name = name
        self.subresource = subresource
        self.query = query
        self.body = body
        self.content_type = (content_type or "").split(";")[0].strip()
        self.user_agent = user_agent or ""

    def q(self, key, default=None):
        return self.query.get(key, default)

    @property
    def dry_run(self):
        return self.q("dryRun") == "All"

    @property
    def manager(self):
        m = self.q("fieldManager")
        if m:
            return m
        return self.user_agent.split("/", 1)[0] or "unknown"


def parse_body(req):
    """(object, duplicate keys) from a JSON or YAML body."""
    if not req.body:
        raise bad_request("the request body is empty")
    if req.content_type == protobuf.PROTOBUF:
        return protobuf.decode(req.body), []
    text = req.body.decode("utf-8", errors="replace")
    try:
        return validation.load_json(text)
    except ValueError:
        pass
    if req.content_type in (APPLY_PATCH, "application/yaml"):
        try:
            return yaml.safe_load(text), []
        except yaml.YAMLError as e:
            raise bad_request(f"error decoding YAML: {e}")
    raise bad_request("couldn't get version/kind; json parse error: invalid character in request body")
