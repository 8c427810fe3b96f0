// Calls the example server through Stytch's official Node SDK (the `stytch` package).
//
// Usage: node client.js BASE_URL
//
// Prints one JSON object per SDK call: the case, whether the SDK raised its StytchError and
// the fields of that error, and the response as it came off the wire (recorded by wrapping
// the global `fetch` the SDK calls), for check.py to compare.
"use strict";

const stytch = require("stytch");

const PROJECT_ID = "project-test-11111111-1111-1111-1111-111111111111";
const SECRET = "secret-test-example";
const WRONG_SECRET = "secret-test-wrong";
const FIELDS = ["status_code", "request_id", "error_type", "error_message", "error_url"];

// What the SDK received, and headers to add to its requests (as a proxy in front would).
let wire = [];
let extraHeaders = {};
const realFetch = globalThis.fetch;
globalThis.fetch = async (url, init = {}) => {
  const headers = { ...(init.headers || {}), ...extraHeaders };
  const response = await realFetch(url, { ...init, headers });
  wire.push({
    status: response.status,
    headers: [...response.headers.entries()],
    body: await response.clone().text(),
  });
  return response;
};

async function call(kase, method, headers = {}) {
  wire = [];
  extraHeaders = headers;
  const result = { sdk: "node", case: kase, raised: null, error: null };
  try {
    await method();
    result.raised = false;
  } catch (error) {
    if (error instanceof stytch.StytchError) {
      result.raised = true;
      result.error = Object.fromEntries(FIELDS.map((field) => [field, error[field]]));
    } else {
      result.raised = String(error);
    }
  }
  extraHeaders = {};
  result.wire = wire;
  console.log(JSON.stringify(result));
  return result;
}

function consumer(baseUrl, secret = SECRET) {
  return new stytch.Client({ project_id: PROJECT_ID, secret, env: baseUrl });
}

async function main() {
  const baseUrl = process.argv[2];

  let client = consumer(baseUrl, WRONG_SECRET);
  await call("users_get_wrong_secret", () => client.users.get({ user_id: "user-test-1" }));

  const b2b = new stytch.B2BClient({ project_id: PROJECT_ID, secret: WRONG_SECRET, env: baseUrl });
  await call("organizations_get_wrong_secret", () =>
    b2b.organizations.get({ organization_id: "organization-test-1" }),
  );

  client = consumer(baseUrl);
  await call("magic_links_authenticate_bad_token", () =>
    client.magicLinks.authenticate({ token: "expired-token" }),
  );

  // Sends until the server refuses one (it allows 5 a second), at most 10.
  for (let i = 0; i < 10; i++) {
    const result = await call("magic_links_email_send", () =>
      client.magicLinks.email.send({ email: "sandbox@stytch.com" }),
    );
    if (result.raised !== false) {
      break;
    }
  }

  await call("users_get_over_http", () => client.users.get({ user_id: "user-test-1" }), {
    "X-Forwarded-Proto": "http",
  });

  await call("sessions_authenticate_store_down", () =>
    client.sessions.authenticate({ session_token: "session-token-1" }),
  );

  client = consumer(baseUrl, WRONG_SECRET);
  await call("client_request_id_echoed", () => client.users.get({ user_id: "user-test-1" }), {
    "X-Request-Id": "client-trace-0001",
  });
  await call("client_request_id_replaced", () => client.users.get({ user_id: "user-test-1" }), {
    "X-Request-Id": "x".repeat(129),
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
