#!/usr/bin/env node
/*
 * `npm run receiver -- --generate-key --out DIR` | `npm run receiver -- [--port 5602] [--data DIR]
 * [--key PRIVATE_JWK] [--read-token T] [--host H]`: the reference telemetry receiver (decrypts, validates
 * against the stored schema, stores in SQLite, summarises and charts the fleet). See docs/receiver.md and
 * packages/osd-telemetry-receiver.
 */
require('./register_ts');

require('../packages/osd-telemetry-receiver/src').main().catch((err) => {
  console.error(`[receiver] ${err && err.message ? err.message : err}`);
  process.exit(1);
});
