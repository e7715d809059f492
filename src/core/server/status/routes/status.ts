import { IRouter } from '../../http';
import { MetricsServiceSetup, OpsMetrics } from '../../metrics';
import { ServiceStatus } from '../types';
import { StatusService } from '../status_service';

interface StatusRouteDeps {
  router: IRouter;
  status: StatusService;
  metrics: MetricsServiceSetup;
  serverInfo: { name: string; uuid: string; version: string; buildNum: number; buildSha: string; buildSnapshot: boolean };
  opsIntervalMs: number;
}

const toJson = (s: ServiceStatus) => ({ level: s.level.id, state: s.level.state, summary: s.summary, ...(s.detail ? { detail: s.detail } : {}) });

/** `GET /api/status`: the overall level, each core service and each plugin, and the latest ops metrics. */
export function registerStatusRoute({ router, status, metrics, serverInfo, opsIntervalMs }: StatusRouteDeps) {
  let lastMetrics: OpsMetrics | undefined;
  metrics.getOpsMetrics$().subscribe((m) => (lastMetrics = m));

  router.get({ path: '/api/status', validate: false, options: { authRequired: false } }, async (_context, _request, response) => {
    const { core, plugins, overall } = status.getCurrent();
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
    // As upstream: an unavailable server answers 503 so load balancers take it out.
    const statusCode = overall.level.value >= 2 ? 503 : 200;
    return statusCode === 200 ? response.ok({ body }) : response.custom({ statusCode, body });
  });
}
