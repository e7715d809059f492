import { AuthStatus, HttpAuth, IRouter } from '../../http';
import { MetricsServiceSetup, OpsMetrics } from '../../metrics';
import { ServiceStatus } from '../types';
import { StatusService } from '../status_service';

interface StatusRouteDeps {
  router: IRouter;
  status: StatusService;
  metrics: MetricsServiceSetup;
  serverInfo: { name: string; uuid: string; version: string; buildNum: number; buildSha: string; buildSnapshot: boolean };
  opsIntervalMs: number;
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

const toJson = (s: ServiceStatus) => ({ level: s.level.id, state: s.level.state, summary: s.summary, ...(s.detail ? { detail: s.detail } : {}) });

/** `GET /api/status`: the overall level, each core service and each plugin, and the latest ops metrics. */
export function registerStatusRoute({ router, status, metrics, serverInfo, opsIntervalMs, auth, allowAnonymous }: StatusRouteDeps) {
  let lastMetrics: OpsMetrics | undefined;
  metrics.getOpsMetrics$().subscribe((m) => (lastMetrics = m));

  // Optional: authentication runs (to tell who may see everything) but nobody is refused the level.
  router.get({ path: '/api/status', validate: false, options: { authRequired: 'optional', tags: ['access:authenticated'] } }, async (_context, request, response) => {
    const { core, plugins, overall } = status.getCurrent();
    // As upstream: an unavailable server answers 503 so load balancers take it out.
    const statusCode = overall.level.value >= 2 ? 503 : 200;
    if (isStatusRedacted(auth.get(request).status, allowAnonymous)) {
      const body = { status: { overall: { level: overall.level.id } } };
      return statusCode === 200 ? response.ok({ body }) : response.custom({ statusCode, body });
    }
    const body = {
      name: serverInfo.name,
      uuid: serverInfo.uuid,
      version: {
        number: serverInfo.version,
        build_hash: serverInfo.buildSha,
        build_number: serverInfo.buildNum,
        build_snapshot: serverInfo.buildSnapshot,
      },
      status: {
        overall: toJson(overall),
        core: core ? Object.fromEntries(Object.entries(core).map(([k, v]) => [k, toJson(v)])) : {},
        plugins: Object.fromEntries(Object.entries(plugins).map(([k, v]) => [k, toJson(v)])),
      },
      metrics: lastMetrics
        ? {
            last_updated: lastMetrics.collected_at.toISOString(),
            collection_interval_in_millis: opsIntervalMs,
            process: lastMetrics.process,
            os: lastMetrics.os,
            response_times: lastMetrics.response_times,
            requests: lastMetrics.requests,
            concurrent_connections: lastMetrics.concurrent_connections,
          }
        : {},
    };
    return statusCode === 200 ? response.ok({ body }) : response.custom({ statusCode, body });
  });
}
