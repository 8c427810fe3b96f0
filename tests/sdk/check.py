"""Stytch's official SDKs as clients of the example server.

Usage: python check.py --server PATH/TO/examples/server --python PYTHON_WITH_STYTCH [--node NODE]

Starts the example server on a free loopback port, checks a few answers with plain HTTP
requests, runs client.py (Python SDK) and client.js (Node SDK) against it, and checks that
each SDK raised its StytchError with exactly the status_code, request_id, error_type,
error_message and error_url of the response the server sent, and that the response itself
is what Stytch would send. The server is stopped at the end. Ends with `N passed, M failed`.
"""

import argparse
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT_ID = "project-test-11111111-1111-1111-1111-111111111111"
SECRET = "secret-test-example"
FIELDS = ["status_code", "request_id", "error_type", "error_message", "error_url"]
PROBLEM_FIELDS = ["type", "title", "status", "detail", "error_type", "request_id"]
GENERATED_ID = re.compile(
    r"^request-id-test-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"
)
SECRETS = ["hunter2", "postgres", "connection refused"]
RATE_WINDOW = 1.0

# What Stytch sends for each error the server uses.
ERRORS = {
    "bad_request": (
        400,
        "The submitted request is invalid.",
        "https://stytch.com/docs/b2b/api/errors/400#bad_request",
    ),
    "route_not_found": (
        404,
        "The route provided is not supported.",
        "https://stytch.com/docs/api/errors/404#route_not_found",
    ),
    "method_not_allowed": (
        405,
        "The method used is not supported.",
        "https://stytch.com/docs/api-reference/b2b/api/errors/405#method_not_allowed",
    ),
    "unauthorized_credentials": (
        401,
        "Unauthorized credentials.",
        "https://stytch.com/docs/b2b/api/errors/401#unauthorized_credentials",
    ),
    "unable_to_auth_magic_link": (
        401,
        "The magic link could not be authenticated because it was either already used or "
        "expired. Send another magic link to this user.",
        "https://stytch.com/docs/b2b/api/errors/401#unable_to_auth_magic_link",
    ),
    "use_https": (
        403,
        "Please use https instead of http.",
        "https://stytch.com/docs/api-reference/consumer/api/errors/403#use_https",
    ),
    "too_many_requests": (
        429,
        "Too many requests have been made.",
        "https://stytch.com/docs/api-reference/b2b/api/errors/429#too_many_requests",
    ),
    "internal_server_error": (
        500,
        "Oops, something seems to have gone wrong. If this issue persists, please reach out "
        "to support.",
        "https://stytch.com/docs/api-reference/b2b/api/errors/500#internal_server_error",
    ),
}

# The error each SDK case must end in.
CASES = {
    "users_get_wrong_secret": "unauthorized_credentials",
    "organizations_get_wrong_secret": "unauthorized_credentials",
    "magic_links_authenticate_bad_token": "unable_to_auth_magic_link",
    "magic_links_email_send": "too_many_requests",
    "users_get_over_http": "use_https",
    "sessions_authenticate_store_down": "internal_server_error",
    "client_request_id_echoed": "unauthorized_credentials",
    "client_request_id_replaced": "unauthorized_credentials",
}
CLIENT_ID = "client-trace-0001"


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"ok - {name}")
        else:
            self.failed += 1
            print(f"FAIL - {name}: {detail}")
        return ok

    def equal(self, name, actual, expected):
        return self.check(name, actual == expected, f"got {actual!r}, expected {expected!r}")


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port, server, seconds=30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def raw(port, method, path, body=None, headers=None):
    """One request on a fresh connection: (status, [(name, value)], body text)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return (
            response.status,
            [(k.lower(), v) for k, v in response.getheaders()],
            response.read().decode("utf-8"),
        )
    finally:
        connection.close()


def basic():
    import base64

    token = base64.b64encode(f"{PROJECT_ID}:{SECRET}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def header(headers, name):
    values = [v for k, v in headers if k == name]
    return values[0] if len(values) == 1 else values


def check_error_response(c, name, status, headers, body, error_type, request_id=None, statuses=None):
    """Checks a response against what Stytch sends for `error_type`; returns the body.

    `statuses`: the statuses the framework itself may answer with (a stand-in keeps the
    status of the failure it stands for, which differs between frameworks), instead of the
    error's own."""
    expected_status, message, url = ERRORS[error_type]
    if statuses is not None:
        c.check(f"{name}: status is the framework's", status in statuses, status)
        expected_status = status
    c.equal(f"{name}: status", status, expected_status)
    c.equal(f"{name}: content-type", header(headers, "content-type"), "application/json")
    try:
        parsed = json.loads(body)
    except ValueError:
        c.check(f"{name}: body is JSON", False, body)
        return None
    c.equal(f"{name}: body keys, in Stytch's order", list(parsed), FIELDS)
    c.equal(f"{name}: status_code", parsed.get("status_code"), expected_status)
    c.equal(f"{name}: error_type", parsed.get("error_type"), error_type)
    c.equal(f"{name}: error_message", parsed.get("error_message"), message)
    c.equal(f"{name}: error_url", parsed.get("error_url"), url)
    c.equal(f"{name}: x-request-id is the body's", header(headers, "x-request-id"), parsed.get("request_id"))
    if request_id is None:
        c.check(
            f"{name}: generated request id",
            GENERATED_ID.match(str(parsed.get("request_id"))) is not None,
            parsed.get("request_id"),
        )
    else:
        c.equal(f"{name}: request id", parsed.get("request_id"), request_id)
    if error_type == "internal_server_error":
        for secret in SECRETS:
            c.check(f"{name}: {secret!r} not in the body", secret not in body, body)
            leaked = [(k, v) for k, v in headers if secret in k or secret in v]
            c.equal(f"{name}: {secret!r} in no header", leaked, [])
    return parsed


def raw_checks(c, port):
    status, headers, body = raw(port, "GET", "/v1/users/user-test-1")
    check_error_response(c, "raw: no credentials", status, headers, body, "unauthorized_credentials")

    status, headers, body = raw(port, "GET", "/v1/users/user-test-1", headers=basic())
    c.equal("raw: the project's credentials get the user", status, 200)
    c.equal("raw: success responses carry x-request-id", header(headers, "x-request-id"), json.loads(body)["request_id"])

    status, headers, body = raw(
        port, "POST", "/v1/magic_links/authenticate", body="{not json", headers={"Content-Type": "application/json"}
    )
    check_error_response(c, "raw: invalid JSON", status, headers, body, "bad_request")

    json_type = {"Content-Type": "application/json"}
    status, headers, body = raw(port, "POST", "/v1/magic_links/authenticate", body='{"token":"valid-token"}', headers=json_type)
    c.equal("raw: valid-token authenticates", status, 200)

    status, headers, body = raw(port, "POST", "/v1/magic_links/authenticate", body='{"token":"used-token"}', headers=json_type)
    check_error_response(c, "raw: used token", status, headers, body, "unable_to_auth_magic_link")

    # The framework's own failures, in Stytch's shape.
    for name, method, path, body, headers, error_type, statuses in [
        # axum rejects these with 422 and 415, actix-web with 400: the stand-in keeps that status.
        ("a missing field", "POST", "/v1/magic_links/authenticate", '{"tokn":"hunter2"}', json_type, "bad_request", {400, 422}),
        ("no content-type", "POST", "/v1/magic_links/authenticate", '{"token":"valid-token"}', {}, "bad_request", {400, 415}),
        ("an unknown route", "GET", "/v1/no_such_route", None, {}, "route_not_found", None),
        ("a wrong method", "DELETE", "/v1/magic_links/authenticate", None, {}, "method_not_allowed", None),
    ]:
        status, response_headers, response_body = raw(port, method, path, body=body, headers=headers)
        check_error_response(
            c, f"raw: {name}", status, response_headers, response_body, error_type, statuses=statuses
        )
        c.check(f"raw: {name}: nothing of the request", "hunter2" not in response_body, response_body)
        if error_type == "method_not_allowed":
            c.check("raw: a wrong method keeps Allow", "POST" in str(header(response_headers, "allow")), response_headers)
    status, headers, body = raw(port, "GET", "/v1/no_such_route", headers={"Accept": "application/problem+json"})
    c.equal("raw: an unknown route as problem details", (status, header(headers, "content-type")), (404, "application/problem+json"))
    c.equal("raw: an unknown route as problem details: error_type", json.loads(body).get("error_type"), "route_not_found")

    status, headers, body = raw(
        port, "GET", "/v1/b2b/organizations/organization-test-1", headers={"X-Forwarded-Proto": "http", "X-Request-Id": "trace-raw-1"}
    )
    check_error_response(c, "raw: over http", status, headers, body, "use_https", request_id="trace-raw-1")

    status, headers, body = raw(port, "POST", "/v1/sessions/authenticate", body="{}", headers=basic())
    check_error_response(c, "raw: session store down", status, headers, body, "internal_server_error")

    status, headers, body = raw(
        port, "GET", "/v1/users/user-test-1", headers={"Accept": "application/problem+json", "X-Request-Id": "trace-raw-2"}
    )
    c.equal("raw: problem details: status", status, 401)
    c.equal("raw: problem details: content-type", header(headers, "content-type"), "application/problem+json")
    problem = json.loads(body)
    c.equal("raw: problem details: members", list(problem), PROBLEM_FIELDS)
    _, message, url = ERRORS["unauthorized_credentials"]
    c.equal(
        "raw: problem details: values",
        problem,
        {
            "type": url,
            "title": message,
            "status": 401,
            "detail": message,
            "error_type": "unauthorized_credentials",
            "request_id": "trace-raw-2",
        },
    )

    # Five sends a second pass, the sixth does not.
    time.sleep(RATE_WINDOW + 0.2)
    started = time.monotonic()
    statuses = [raw(port, "POST", "/v1/magic_links/email/send", body='{"email":"sandbox@stytch.com"}')[0] for _ in range(6)]
    if time.monotonic() - started < RATE_WINDOW:
        c.equal("raw: the sixth send in a second is refused", statuses, [200] * 5 + [429])
    else:
        c.equal("raw: five sends pass", statuses[:5], [200] * 5)


def run_client(c, sdk, command):
    time.sleep(RATE_WINDOW + 0.2)  # a fresh rate-limit window for each SDK
    completed = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=HERE)
    if not c.check(f"{sdk}: client ran", completed.returncode == 0, completed.stderr[-2000:]):
        return []
    records = [json.loads(line) for line in completed.stdout.splitlines() if line.startswith("{")]
    c.check(f"{sdk}: client reported calls", len(records) > 0, completed.stdout[-2000:])
    return records


def sdk_checks(c, sdk, records, seen_ids):
    by_case = {}
    for record in records:
        by_case.setdefault(record["case"], []).append(record)
    c.equal(f"{sdk}: every case ran", sorted(by_case), sorted(CASES))

    sends = by_case.get("magic_links_email_send", [])
    successes = [r for r in sends if r["raised"] is False]
    c.check(f"{sdk}: sends pass before the limit", 1 <= len(successes) <= 5, [r["raised"] for r in sends])
    for record in successes:
        c.equal(f"{sdk}: a send that passed was a 200", [w["status"] for w in record["wire"]], [200])

    for case, error_type in CASES.items():
        calls = by_case.get(case, [])
        if case == "magic_links_email_send":
            calls = [r for r in calls if r["raised"] is not False]
        if not c.equal(f"{sdk} {case}: one failing call", len(calls), 1):
            continue
        record = calls[0]
        name = f"{sdk} {case}"
        c.equal(f"{name}: the SDK raised its StytchError", record["raised"], True)
        if not c.equal(f"{name}: one response", len(record["wire"]), 1):
            continue
        wire = record["wire"][0]
        request_id = CLIENT_ID if case == "client_request_id_echoed" else None
        body = check_error_response(
            c, name, wire["status"], [tuple(h) for h in wire["headers"]], wire["body"], error_type, request_id
        )
        if body is None or record["error"] is None:
            c.check(f"{name}: error fields", False, record)
            continue
        for field in FIELDS:
            c.equal(f"{name}: the SDK's {field} is the server's", record["error"][field], body[field])
        if request_id is None:
            c.check(f"{name}: request id not seen before", body["request_id"] not in seen_ids, body["request_id"])
            seen_ids.add(body["request_id"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--python", required=True)
    parser.add_argument("--node", default="node")
    args = parser.parse_args()
    # Absolute, not resolved: a venv's python must keep its own path.
    args.server = os.path.abspath(args.server)
    args.python = os.path.abspath(args.python)

    c = Checks()
    port = free_port()
    base_url = f"http://127.0.0.1:{port}/"
    log = tempfile.TemporaryFile(mode="w+")
    server = subprocess.Popen(
        [args.server], env={**os.environ, "PORT": str(port)}, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        if c.check("the server listens", wait_for(port, server), f"port {port}"):
            raw_checks(c, port)
            seen_ids = set()
            for sdk, command in [
                ("python", [args.python, str(HERE / "client.py"), base_url]),
                ("node", [args.node, str(HERE / "client.js"), base_url]),
            ]:
                sdk_checks(c, sdk, run_client(c, sdk, command), seen_ids)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    log.seek(0)
    server_log = log.read()
    c.check("the server logged the store's failure", "connection refused: postgres://app:hunter2@db/prod" in server_log, server_log[-2000:])
    print(f"{c.passed} passed, {c.failed} failed")
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
