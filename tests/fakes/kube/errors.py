"""API errors as the Status objects real clients decode (apierrors.IsNotFound and friends)."""


class ApiError(Exception):
    def __init__(self, code, reason, message, details=None):
        super().__init__(message)
        self.code = code
        self.reason = reason
        self.message = message
        self.details = details

    def status(self):
        body = {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
                "message": self.message, "reason": self.reason, "code": self.code}
        if self.details is not None:
            body["details"] = self.details
        return body


def _details(rtype, name):
    d = {"kind": rtype.plural}
    if name:
        d["name"] = name
    if rtype.group:
        d["group"] = rtype.group
    return d


def _resource(rtype):
    return f"{rtype.plural}.{rtype.group}" if rtype.group else rtype.plural


def not_found(rtype, name):
    return ApiError(404, "NotFound", f'{_resource(rtype)} "{name}" not found', _details(rtype, name))


def namespace_not_found(name):
    return ApiError(404, "NotFound", f'namespaces "{name}" not found', {"name": name, "kind": "namespaces"})


def already_exists(rtype, name):
    return ApiError(409, "AlreadyExists", f'{_resource(rtype)} "{name}" already exists', _details(rtype, name))


def conflict(rtype, name, why):
    return ApiError(409, "Conflict", f'Operation cannot be fulfilled on {_resource(rtype)} "{name}": {why}',
                    _details(rtype, name))


def bad_request(message):
    return ApiError(400, "BadRequest", message)


def invalid(rtype, name, causes):
    """422 with field causes: [(field, message)]."""
    text = "; ".join(f"{f}: {m}" for f, m in causes)
    d = _details(rtype, name)
    d["kind"] = rtype.kind
    d["causes"] = [{"reason": "FieldValueInvalid", "message": m, "field": f} for f, m in causes]
    qualified = f"{rtype.kind}.{rtype.group}" if rtype.group else rtype.kind
    return ApiError(422, "Invalid", f'{qualified} "{name}" is invalid: {text}', d)


def forbidden(rtype, name, why):
    return ApiError(403, "Forbidden", f'{_resource(rtype)} "{name}" is forbidden: {why}', _details(rtype, name))


def method_not_allowed(message="the server does not allow this method on the requested resource"):
    return ApiError(405, "MethodNotAllowed", message)


def unsupported_media_type(content_type):
    return ApiError(415, "UnsupportedMediaType", f'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got "{content_type}")')


def gone(message):
    return ApiError(410, "Expired", message)


def page_not_found():
    return ApiError(404, "NotFound", "the server could not find the requested resource")
