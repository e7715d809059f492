/* The report thread's body (see report_parser.ts): parses and checks report bodies off the event loop. */
// The worker-thread module alone: loading all of core in this thread would only slow its start.
import { serveThreadCalls } from '../../../../core/server/worker_threads';
import { checkReport } from './parse_report';
import { unpackBodies, type PackedBodies } from './packed_bodies';
import { ParsedReportEncoder, type EncodedBatch } from './parsed_report_codec';

const encoder = new ParsedReportEncoder();

serveThreadCalls<PackedBodies, EncodedBatch>({ handle: (packed) => encoder.encodeBatch(unpackBodies(packed), checkReport) });
