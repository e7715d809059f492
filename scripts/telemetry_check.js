#!/usr/bin/env node
/*
 * `node scripts/telemetry_check.js [ROOT...] [--fix] [--path FILE...] [--ignore-stored-json]`: checks every usage
 * collector's schema against its TypeScript type, the stored schema file and the data dictionary
 * (`.telemetryrc.json`). Run it with `--fix` whenever a collector's `schema` changes. See
 * packages/osd-telemetry-tools/README.md.
 */
require('./register_ts');

// By relative path until the workspace link `@osd/telemetry-tools` exists in every checkout.
require('../packages/osd-telemetry-tools/src').runTelemetryCheckCli();
