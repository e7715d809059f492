/* The report thread's body (see report_parser.ts): parses and checks report bodies off the event loop. */
// The worker-thread module alone: loading all of core in this thread would only slow its start.
import { serveThreadCalls } from '../../../../core/server/worker_threads';
import { parseReport } from './parse_report';
import { encodeParsedReport, type EncodedParsedReport } from './parsed_report_codec';

serveThreadCalls<Uint8Array, EncodedParsedReport>({ handle: (body) => encodeParsedReport(parseReport(body)) });
