#!/usr/bin/env node
/*
 * `node scripts/telemetry.js <status | preview | send | history | show ID | diff ID | export [--out FILE] |
 * opt-in [--level L] | opt-out> [--url URL] [--json]`: the operator CLI of telemetry, over HTTP against a
 * running server. Credentials from OSD_API_KEY, or OSD_USERNAME and OSD_PASSWORD (never from the command
 * line). See "Operator CLI" in README.md and src/cli_telemetry/.
 */
require('./register_ts');

require('../src/cli_telemetry').main();
