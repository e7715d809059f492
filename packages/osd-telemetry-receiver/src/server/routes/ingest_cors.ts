import type { FastifyInstance } from 'fastify';
import { TELEMETRY_HEADERS } from '../../keys/constants';

/** The ingest routes, which a browser sender (`telemetry.sendUsageFrom: browser`) posts to from another origin. */
const INGEST_PREFIX = '/v2/';

const ALLOWED_HEADERS = ['content-type', TELEMETRY_HEADERS.version, TELEMETRY_HEADERS.telemetryVersion, TELEMETRY_HEADERS.channel].join(', ');

/**
 * CORS for the ingest routes only: any origin may post (without credentials: there are none to send),
 * and the preflight names the sender's headers. The read side sends no CORS header, so no other site's
 * page can read the fleet through a visitor's browser.
 */
export function registerIngestCors(app: FastifyInstance) {
  app.options(`${INGEST_PREFIX}*`, async (_request, reply) =>
    reply
      .code(204)
      .header('access-control-allow-origin', '*')
      .header('access-control-allow-methods', 'POST')
      .header('access-control-allow-headers', ALLOWED_HEADERS)
      .header('access-control-max-age', '600')
      .send()
  );
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith(INGEST_PREFIX)) reply.header('access-control-allow-origin', '*');
    return payload;
  });
}
