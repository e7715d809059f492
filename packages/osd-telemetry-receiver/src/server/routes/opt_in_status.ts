import { IntakeError } from '../../keys/decrypt';
import { parseJson } from '../../ingest/intake';
import { refuseEncoding } from '../../ingest/intake_policy';
import { identifyReport } from '../../validation/validate_report';
import type { RouteDeps } from '../types';
import { senderHeadersProblem } from './sender_headers';

/**
 * `POST /v2/opt_in_status`: the sender's JSON array, one entry per cluster: `{ cluster_uuid,
 * opt_in_status }`, or a JWE of it when the sender encrypts (entries follow the same key policy as
 * reports). Callers as for `/v2/reports`. 200 `{ recorded }`; 400 naming the entry that is wrong.
 */
export function registerOptInStatusRoute(deps: RouteDeps) {
  deps.app.post('/v2/opt_in_status', { bodyLimit: deps.limits.maxOptInStatusBytes }, async (request, reply) => {
    if (!deps.takeIngestBudget(request, reply)) return reply;
    const problem = senderHeadersProblem(request.headers, 'opt_in_status');
    if (problem) return reply.code(400).send({ error: problem });
    const entries = parseJson(request.body as string, 'the opt-in status');
    if (!Array.isArray(entries)) throw new IntakeError(400, 'the opt-in status must be a JSON array');
    if (entries.length > deps.limits.maxOptInStatusEntries) throw new IntakeError(400, `the opt-in status has ${entries.length} entries; at most ${deps.limits.maxOptInStatusEntries}`);
    // Every entry is read before anything is written: one bad entry leaves no half-applied post.
    const statuses: Array<{ clusterUuid: string; optedIn: boolean }> = [];
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      // A JWE entry is a string; a plain one the object itself. The key policy is the reports' one.
      const encoding = typeof entry === 'string' ? 'jwe' : 'json';
      const refusal = refuseEncoding(encoding, deps.decryptor !== undefined);
      if (refusal) throw new IntakeError(400, `[${i}]: ${refusal}`);
      let plain: unknown = entry;
      try {
        if (encoding === 'jwe') plain = parseJson(await deps.decryptor!.decrypt(entry as string), 'the entry');
      } catch (e) {
        throw new IntakeError(400, `[${i}]: ${(e as Error).message}`);
      }
      const status = (plain as { opt_in_status?: unknown })?.opt_in_status;
      const identity = identifyReport({ ...(plain as object), timestamp: new Date(0).toISOString() });
      if (typeof identity === 'string') throw new IntakeError(400, `[${i}]: ${identity}`);
      if (typeof status !== 'boolean') throw new IntakeError(400, `[${i}].opt_in_status must be a boolean`);
      statuses.push({ clusterUuid: identity.clusterUuid, optedIn: status });
    }
    const at = new Date(deps.now()).toISOString();
    for (const { clusterUuid, optedIn } of statuses) await deps.store.setOptIn(clusterUuid, optedIn, at);
    return reply.code(200).send({ recorded: statuses.length });
  });
}
