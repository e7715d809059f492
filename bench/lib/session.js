'use strict';
/*
 * Security for the benchmarks: every server starts with `--security.enabled=true` (explicit, whatever the
 * default), and the load is sent the way the browser app sends it, with the session cookie of one login
 * as the harness admin. Read-backs go through the harness's `api()`, which sends Basic credentials.
 */
require('../../scripts/register_ts');
const { TEST_ADMIN_PASSWORD, TEST_ADMIN_USERNAME } = require('../../test/harness/osd_server');

const SECURITY_ARGS = ['--security.enabled=true'];

/** What the result files record under `parameters`. */
const AUTH_PARAMETERS = { securityEnabled: true, auth: 'session-cookie' };

/** Logs in once through `POST /api/security/login`; returns `osd_sid=<sid>`, for a Cookie header. */
async function loginSession(url, username = TEST_ADMIN_USERNAME, password = TEST_ADMIN_PASSWORD) {
  const res = await fetch(`${url}/api/security/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'osd-xsrf': 'bench' },
    body: JSON.stringify({ username, password }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`login as ${username} answered ${res.status}: ${text.slice(0, 300)}`);
  const cookie = (res.headers.get('set-cookie') || '').split(';')[0];
  if (!cookie.startsWith('osd_sid=') || cookie.length <= 'osd_sid='.length) throw new Error(`login as ${username} set no session cookie`);
  return cookie;
}

module.exports = { SECURITY_ARGS, AUTH_PARAMETERS, loginSession };
