"""Calls the example server through Stytch's official Python SDK (the `stytch` package).

Usage: python client.py BASE_URL

Prints one JSON object per SDK call: the case, whether the SDK raised its StytchError and
the fields of that error, and the response as it came off the wire (recorded by a
`requests` response hook on the session the SDK uses), for check.py to compare.
"""

import json
import sys

import requests
import stytch
from stytch.core.response_base import StytchError

PROJECT_ID = "project-test-11111111-1111-1111-1111-111111111111"
SECRET = "secret-test-example"
WRONG_SECRET = "secret-test-wrong"
FIELDS = ("status_code", "request_id", "error_type", "error_message", "error_url")


class Recorder:
    """A requests session whose responses are recorded as they arrive."""

    def __init__(self, headers=None):
        self.session = requests.Session()
        self.session.headers.update(headers or {})
        self.session.hooks["response"].append(self._record)
        self.wire = []

    def _record(self, response, *args, **kwargs):
        self.wire.append(
            {
                "status": response.status_code,
                "headers": [[k.lower(), v] for k, v in response.raw.headers.items()],
                "body": response.content.decode("utf-8", "replace"),
            }
        )


def call(case, recorder, method):
    """Runs one SDK call and prints what it raised and what the server sent."""
    recorder.wire.clear()
    result = {"sdk": "python", "case": case, "raised": None, "error": None}
    try:
        method()
        result["raised"] = False
    except StytchError as error:
        result["raised"] = True
        result["error"] = {field: getattr(error.details, field) for field in FIELDS}
    except Exception as error:  # noqa: BLE001 - anything else is reported, and fails the check
        result["raised"] = repr(error)
    result["wire"] = list(recorder.wire)
    print(json.dumps(result), flush=True)
    return result


def consumer(base_url, secret=SECRET, headers=None):
    recorder = Recorder(headers)
    client = stytch.Client(
        project_id=PROJECT_ID,
        secret=secret,
        environment=base_url,
        sync_session=recorder.session,
    )
    return client, recorder


def main():
    base_url = sys.argv[1]

    client, recorder = consumer(base_url, secret=WRONG_SECRET)
    call("users_get_wrong_secret", recorder, lambda: client.users.get(user_id="user-test-1"))

    recorder = Recorder()
    b2b = stytch.B2BClient(
        project_id=PROJECT_ID,
        secret=WRONG_SECRET,
        environment=base_url,
        sync_session=recorder.session,
    )
    call(
        "organizations_get_wrong_secret",
        recorder,
        lambda: b2b.organizations.get(organization_id="organization-test-1"),
    )

    client, recorder = consumer(base_url)
    call(
        "magic_links_authenticate_bad_token",
        recorder,
        lambda: client.magic_links.authenticate(token="expired-token"),
    )

    # Sends until the server refuses one (it allows 5 a second), at most 10.
    for _ in range(10):
        result = call(
            "magic_links_email_send",
            recorder,
            lambda: client.magic_links.email.send(email="sandbox@stytch.com"),
        )
        if result["raised"] is not False:
            break

    client, recorder = consumer(base_url, headers={"X-Forwarded-Proto": "http"})
    call("users_get_over_http", recorder, lambda: client.users.get(user_id="user-test-1"))

    client, recorder = consumer(base_url)
    call(
        "sessions_authenticate_store_down",
        recorder,
        lambda: client.sessions.authenticate(session_token="session-token-1"),
    )

    client, recorder = consumer(
        base_url, secret=WRONG_SECRET, headers={"X-Request-Id": "client-trace-0001"}
    )
    call(
        "client_request_id_echoed",
        recorder,
        lambda: client.users.get(user_id="user-test-1"),
    )

    client, recorder = consumer(
        base_url, secret=WRONG_SECRET, headers={"X-Request-Id": "x" * 129}
    )
    call(
        "client_request_id_replaced",
        recorder,
        lambda: client.users.get(user_id="user-test-1"),
    )


if __name__ == "__main__":
    main()
