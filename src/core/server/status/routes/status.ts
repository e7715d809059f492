import { schema } from '@osd/config-schema';
import { AuthStatus, HttpAuth, IRouter } from '../../http';
import { MetricsServiceSetup, OpsMetrics } from '../../metrics';
import { calculateLegacyStatus, LegacyStateSince, legacyOverallOf } from '../legacy_status';
import { calculateV8Status } from '../v8_status';
import { StatusService } from '../status_service';

const SNAPSHOT_SUFFIX = /-SNAPSHOT$/;

interface StatusRouteDeps {
  router: IRouter;
  status: StatusService;
  metrics: MetricsServiceSetup;
  serverInfo: { name: string; uuid: string; version: string; buildNum: number; buildSha: string };
  /** What authentication found for a request (unknown for every request while no auth handler is registered). */
  auth: HttpAuth;
  /** `status.allowAnonymous`. */
  allowAnonymous: boolean;
}

/**
 * Whether a caller gets only the overall level: a caller that authentication ran for and did not recognise,
 * unless anonymous callers are allowed. With no auth handler at all (security off) everyone gets everything.
 */
export function isStatusRedacted(authStatus: AuthStatus, allowAnonymous: boolean): boolean {
  return authStatus === AuthStatus.unauthenticated && !allowAnonymous;
}

/** The ops metrics as upstream's status answer carries them: `requests.status_codes` beside `statusCodes`. */
export function statusMetricsOf(metrics: OpsMetrics | undefined, collectionIntervalMs: number) {
  if (!metrics) return {};
  const { collected_at: collectedAt, ...rest } = metrics;
  return {
    last_updated: collectedAt.toISOString(),
    collection_interval_in_millis: collectionIntervalMs,
    ...rest,
    requests: { ...rest.requests, status_codes: rest.requests.statusCodes },
  };
}

/**
 * `GET /api/status`. By default upstream's legacy format (`status: { overall: { state, … }, statuses: [ … ] }`);
 * with `?v8format=true`, `status: { overall, core, plugins }` with levels. Both carry name, uuid, version and
 * the latest ops metrics.
 */
export function registerStatusRoute({ router, status, metrics, serverInfo, auth, allowAnonymous }: StatusRouteDeps) {
  let lastMetrics: OpsMetrics | undefined;
  metrics.getOpsMetrics$().subscribe((m) => (lastMetrics = m));
  const since = new LegacyStateSince();
  // Fixed for the process: built once, not per request.
  const versionWithoutSnapshot = serverInfo.version.replace(SNAPSHOT_SUFFIX, '');
  const version = {
    number: versionWithoutSnapshot,
    build_hash: serverInfo.buildSha,
    build_number: serverInfo.buildNum,
    build_snapshot: SNAPSHOT_SUFFIX.test(serverInfo.version),
  };

  router.get(
    {
      path: '/api/status',
      validate: { query: schema.object({ v8format: schema.boolean({ defaultValue: false }) }) },
      // Optional: authentication runs (to tell who may see everything) but nobody is refused the level.
      options: { authRequired: 'optional', tags: ['access:authenticated'] },
    },
    async (_context, request, response) => {
      const { core, plugins, overall } = status.getCurrent();
      const v8format = request.query.v8format;
      // As upstream: an unavailable server answers 503 so load balancers take it out.
      const statusCode = overall.level.value >= 2 ? 503 : 200;
      const answer = (body: Record<string, unknown>) => (statusCode === 200 ? response.ok({ body }) : response.custom({ statusCode, body }));

      if (isStatusRedacted(auth.get(request).status, allowAnonymous)) {
        // The level a load balancer needs, in the format asked for; no name, uuid, version, messages or metrics.
        return answer({ status: { overall: v8format ? { level: overall.level.id } : legacyOverallOf(overall, since) } });
      }
      return answer({
        name: serverInfo.name,
        uuid: serverInfo.uuid,
        version,
        status: v8format ? calculateV8Status({ overall, core, plugins }) : calculateLegacyStatus({ overall, core, plugins, versionWithoutSnapshot, since }),
        metrics: statusMetricsOf(lastMetrics, metrics.collectionInterval),
      });
    }
  );
}
