/* The report thread's body (see report_parser.ts): parses and checks report bodies off the event loop. */
// The worker-thread module alone: loading all of core in this thread would only slow its start.
import { serveThreadCalls } from '../../../../core/server/worker_threads';
import { checkReport } from './parse_report';
import { ParsedReportEncoder, type EncodedBatch } from './parsed_report_codec';

const encoder = new ParsedReportEncoder();

serveThreadCalls<Uint8Array[], EncodedBatch>({ handle: (bodies) => encoder.encodeBatch(bodies, checkReport) });
