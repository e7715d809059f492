import { IntakeError } from '../../keys/decrypt';
import { renderFleetPage } from '../../page/render_page';
import type { RouteDeps } from '../types';

const MAX_REJECTED_PAGE = 500;

/** A whole number in [min, max] from a query string value, or a 400 naming the parameter. */
function intParam(value: unknown, name: string, { min, max, fallback }: { min: number; max: number; fallback?: number }): number | undefined {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new IntakeError(400, `[query.${name}] must be a whole number from ${min} to ${max}`);
  return n;
}

/**
 * The read side, for loopback clients, or for holders of `--read-token` (read_access.ts):
 * - `GET /api/fleet/summary`: the fleet's figures, aggregated in the store;
 * - `GET /api/fleet/rejected?limit=50&before=ID`: reports kept aside, newest first (keyset pages);
 * - `GET /`: a page charting the fleet (server-rendered HTML and inline SVG, no script, no external asset).
 */
export function registerFleetReadRoutes(deps: RouteDeps) {
  const { app, store, declaredFields } = deps;
  app.get('/api/fleet/summary', async (request, reply) => {
    if (!deps.allowRead(request, reply)) return reply;
    return reply.send(await store.summary(declaredFields));
  });

  app.get('/api/fleet/rejected', async (request, reply) => {
    if (!deps.allowRead(request, reply)) return reply;
    const query = request.query as Record<string, unknown>;
    const unknown = Object.keys(query).find((key) => key !== 'limit' && key !== 'before');
    if (unknown) throw new IntakeError(400, `[query.${unknown}]: unknown parameter (limit, before)`);
    const limit = intParam(query.limit, 'limit', { min: 1, max: MAX_REJECTED_PAGE, fallback: 50 })!;
    const before = intParam(query.before, 'before', { min: 1, max: Number.MAX_SAFE_INTEGER });
    return reply.send(await store.listRejected({ limit, before }));
  });

  app.get('/', async (request, reply) => {
    if (!deps.allowRead(request, reply)) return reply;
    const [summary, recent] = await Promise.all([store.summary(declaredFields), store.listRejected({ limit: 20 })]);
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
      .header('cache-control', 'no-store')
      .send(renderFleetPage(summary, recent.rejected, new Date(deps.now())));
  });
}
