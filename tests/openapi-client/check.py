"""Checks a client that openapi-python-client generated from the example's document.

1. Every generated model of an error body parses a body whose `error_type` the catalog does
   not know (the catalog is `#[non_exhaustive]`), and turns a known one into its constant.
2. The generated operations parse the bodies the running example server sends, the generated
   models those of the framework's own failures (an unmatched route, a wrong method, a
   malformed body), and the generated `ProblemDetails` model its `application/problem+json`
   body; the service's own error comes with its `error_details` as generated models. (openapi-python-client 0.29 parses a response by its first media type only, so the
   problem+json body is fetched with the generated client's httpx client.)
"""

import argparse
import enum
import importlib
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path


def fail(message):
    sys.exit(f"FAIL: {message}")


def check(condition, message):
    if not condition:
        fail(message)


def error_models(document, models):
    """(schema name, schema, generated class) of every error body schema."""
    for name, schema in document["components"]["schemas"].items():
        if "error_url" in schema.get("properties", {}):
            cls = getattr(models, name, None)
            check(cls is not None, f"no generated model for the schema {name}")
            yield name, schema, cls


def check_models(document, models):
    checked = 0
    for name, schema, cls in error_models(document, models):
        properties = schema["properties"]
        status = properties["status_code"].get("enum", [400])[0]
        body = {
            "status_code": status,
            "request_id": "request-id-test-00000000-0000-4000-8000-000000000000",
            "error_type": "brand_new_error",
            "error_message": "An error this client has never seen.",
            "error_url": f"https://stytch.com/docs/api-reference/b2b/api/errors/{status}#brand_new_error",
        }
        parsed = cls.from_dict(body)
        check(parsed.error_type == "brand_new_error", f"{name}: {parsed.error_type!r}")
        check(parsed.to_dict() == body, f"{name}: the body does not round-trip")
        known = properties["error_type"]["anyOf"][0]["enum"][0]
        parsed = cls.from_dict(dict(body, error_type=known))
        check(
            isinstance(parsed.error_type, enum.Enum) and parsed.error_type.value == known,
            f"{name}: {known} is not the generated constant",
        )
        checked += 1
    responses = document["components"]["responses"]
    check(checked > len(responses), f"{checked} error models for {len(responses)} responses")
    problem = models.ProblemDetails.from_dict(
        {
            "type": "https://stytch.com/docs/api-reference/b2b/api/errors/400#brand_new_error",
            "title": "New.",
            "status": 400,
            "detail": "New.",
            "error_type": "brand_new_error",
            "request_id": "request-id-test-1",
        }
    )
    check(problem.error_type == "brand_new_error", "ProblemDetails: an unknown error_type")
    print(f"ok: {checked} error models parse an unknown error_type")


def model_name(document, path, method, status):
    """The name of the schema (and so of the generated model) of an operation's response."""
    response = document["paths"][path][method]["responses"][str(status)]
    while "$ref" in response:
        response = lookup(document, response["$ref"])
    schema_ref = response["content"]["application/json"]["schema"]["$ref"]
    return schema_ref.rsplit("/", 1)[1]


def lookup(document, reference):
    value = document
    for key in reference.removeprefix("#/").split("/"):
        value = value[key.replace("~1", "/").replace("~0", "~")]
    return value


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port, server):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            fail(f"the server exited with {server.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    fail("the server did not start")


def check_server(document, package, server_path):
    models = importlib.import_module(f"{package}.models")
    client_module = importlib.import_module(package)
    get_session = importlib.import_module(f"{package}.api.default.get_session")
    authenticate = importlib.import_module(f"{package}.api.default.authenticate")
    create_user = importlib.import_module(f"{package}.api.default.create_user")
    port = free_port()
    env = dict(os.environ, PORT=str(port))
    server = subprocess.Popen([server_path, "serve"], env=env, stderr=subprocess.DEVNULL)
    try:
        wait_for(port, server)
        client = client_module.Client(base_url=f"http://127.0.0.1:{port}", timeout=10.0)
        sessions = ("/v1/sessions/{session_token}", "get")
        links = ("/v1/magic_links/authenticate", "post")
        users = ("/v1/users", "post")
        invalid_user = models.CreateUserRequest(email="nope", name="")
        cases = [
            (get_session.sync_detailed, sessions, {"session_token": "nope"}, 401, "unauthorized_credentials"),
            (authenticate.sync_detailed, links, {"body": models.AuthenticateRequest(token="")}, 400, "bad_request"),
            (authenticate.sync_detailed, links, {"body": models.AuthenticateRequest(token="used")}, 401, "unable_to_auth_magic_link"),
            (create_user.sync_detailed, users, {"body": invalid_user}, 400, "invalid_fields"),
        ]
        for call, operation, kwargs, status, error_type in cases:
            response = call(client=client, **kwargs)
            parsed = response.parsed
            check(response.status_code == status, f"{error_type}: status {response.status_code}")
            expected = model_name(document, *operation, status)
            check(type(parsed).__name__ == expected, f"{error_type}: {parsed!r}, not a {expected}")
            check(isinstance(parsed.error_type, enum.Enum), f"{error_type}: not a constant")
            check(parsed.error_type.value == error_type, f"{error_type}: {parsed.error_type}")
            check(parsed.request_id == response.headers["x-request-id"], f"{error_type}: request id")
        # The details, as the generated models of the schema's `error_details`.
        parsed = create_user.sync_detailed(client=client, body=invalid_user).parsed
        fields = [(item.field, item.reason) for item in parsed.error_details.invalid_fields]
        check(fields == [("email", "not an email address"), ("name", "empty")], f"error_details: {fields}")
        ok = get_session.sync_detailed(client=client, session_token="session-abc")
        check(isinstance(ok.parsed, models.Session), f"success: {ok.parsed!r}")

        http = client.get_httpx_client()
        # The framework's own failures, answered with the catalog's errors the document lists
        # on every operation.
        # An unmatched route is documented on every operation: read it as `get_session`'s.
        failures = [
            ("GET", "/v1/no_such_route", sessions, {}, 404),
            ("DELETE", "/v1/sessions/nope", sessions, {}, 405),
            ("POST", "/v1/magic_links/authenticate", links, {"content": b"{", "headers": {"content-type": "application/json"}}, 400),
        ]
        for method, path, operation, kwargs, status in failures:
            response = http.request(method, path, **kwargs)
            check(response.status_code == status, f"{method} {path}: {response.status_code}")
            model = getattr(models, model_name(document, *operation, status))
            parsed = model.from_dict(response.json())
            check(isinstance(parsed.error_type, enum.Enum), f"{method} {path}: {parsed.error_type!r}")
            check(parsed.request_id == response.headers["x-request-id"], f"{method} {path}: request id")
        response = http.get("/v1/sessions/nope", headers={"Accept": "application/problem+json"})
        check(
            response.headers["content-type"] == "application/problem+json",
            f"problem+json: {response.headers['content-type']}",
        )
        problem = models.ProblemDetails.from_dict(response.json())
        check(problem.error_type == "unauthorized_credentials", f"problem+json: {problem!r}")
        check(problem.status == 401 and problem.request_id == response.headers["x-request-id"], "problem+json")
        print(
            f"ok: {len(cases)} handler errors (one with error_details), {len(failures)} framework"
            " failures, a success and a problem+json body from the server"
        )
    finally:
        server.terminate()
        server.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--document", required=True)
    parser.add_argument("--client", required=True, help="the generated package's directory")
    parser.add_argument("--server", required=True)
    args = parser.parse_args()
    client_dir = Path(args.client).resolve()
    sys.path.insert(0, str(client_dir.parent))
    package = client_dir.name
    document = json.loads(Path(args.document).read_text())
    check_models(document, importlib.import_module(f"{package}.models"))
    check_server(document, package, args.server)


if __name__ == "__main__":
    main()
