import { intakeReport } from '../../ingest/intake';
import { encodingOf } from '../../ingest/intake_policy';
import type { RouteDeps } from '../types';
import { senderHeadersProblem } from './sender_headers';

/**
 * `POST /v2/reports`: one report as the sender posts it (a JWE as `application/jose`, plain JSON as
 * `application/json`, with the sender's headers). Anyone who can reach the port may post (it is the
 * receiving end of `telemetry.url`), within the size limit and the per-address rate. 200 `stored` or
 * `duplicate` (a resent report counts once); 422 when kept aside as rejected (the path and reason);
 * 400 for what is not a readable report; 413 too large; 415 another content type; 429 over the rate.
 */
export function registerReportsRoute(deps: RouteDeps) {
  deps.app.post('/v2/reports', { bodyLimit: deps.limits.maxReportBytes }, async (request, reply) => {
    if (!deps.takeIngestBudget(request, reply)) return reply;
    const problem = senderHeadersProblem(request.headers, 'snapshot');
    if (problem) return reply.code(400).send({ error: problem });
    const result = await intakeReport(request.body as string, encodingOf(request.headers['content-type']), 'http', deps);
    if (result.outcome === 'rejected' || result.outcome === 'duplicate_rejected') {
      return reply.code(422).send({ error: `report rejected: ${result.reason}`, path: result.path, clusterUuid: result.clusterUuid, timestamp: result.timestamp });
    }
    return reply.code(200).send(result);
  });
}
