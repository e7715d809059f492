#!/usr/bin/env node
/*
 * `node scripts/telemetry_extract.js [ROOT...]`: writes the stored schema file and the data dictionary from the
 * usage collectors' schemas, without the type check (`telemetry_check.js --fix` does both).
 */
require('./register_ts');

// By relative path until the workspace link `@osd/telemetry-tools` exists in every checkout.
require('../packages/osd-telemetry-tools/src').runTelemetryExtractCli();
