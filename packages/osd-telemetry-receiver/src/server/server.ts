import Fastify, { type FastifyError } from 'fastify';
import type { ReportDecryptor } from '../keys/decrypt';
import { IntakeError } from '../keys/decrypt';
import type { IntakeGauge } from '../ingest/intake_gauge';
import type { FleetStore } from '../store/types';
import { buildReportSchema, declaredLeafPaths, type CollectorSchemas, type SchemaNode } from '../validation/report_schema';
import { decideReadAccess } from './read_access';
import { createRateLimiter } from './rate_limit';
import { registerFleetReadRoutes } from './routes/fleet_read';
import { registerImportRoute } from './routes/import';
import { registerIngestCors } from './routes/ingest_cors';
import { registerOptInStatusRoute } from './routes/opt_in_status';
import { registerReportsRoute } from './routes/reports';
import { DEFAULT_LIMITS, type ReceiverLimits, type RouteDeps } from './types';

export interface ReceiverServerOptions {
  store: FleetStore;
  collectorSchemas: CollectorSchemas;
  decryptor?: ReportDecryptor;
  readToken?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  limits?: Partial<ReceiverLimits>;
  /** One line per event worth an operator's attention (refusals are answered, not logged, to bound the log). */
  log?: (line: string) => void;
  now?: () => number;
  /** Counts reports inside the intake, for a store that waits for them (ingest/intake_gauge.ts). */
  gauge?: IntakeGauge;
}

export interface ReceiverServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The content types the ingest routes read, as text; anything else is a 415. */
const BODY_TYPES = ['application/json', 'application/jose'];

export async function startReceiverServer(options: ReceiverServerOptions): Promise<ReceiverServer> {
  const { store, collectorSchemas, decryptor, readToken, host = '127.0.0.1', port = 0, log = () => {}, now = Date.now, gauge } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const reportSchema = buildReportSchema(collectorSchemas);
  const pluginSchemas = (reportSchema as any).stack_stats.opensearch_dashboards.plugins as Record<string, SchemaNode>;
  const declaredFields: Record<string, number> = {};
  for (const [type, schema] of Object.entries({ ...pluginSchemas, opensearchDashboards: collectorSchemas.opensearchDashboards })) {
    if (schema === undefined) continue;
    const paths = declaredLeafPaths(schema).filter((p) => !(type === 'opensearchDashboards' && p === 'index'));
    // A schema of one dynamic leaf (`stack_management`) declares no fixed fields: coverage does not apply.
    if (!(paths.length === 1 && paths[0] === '*')) declaredFields[type] = paths.length;
  }

  const app = Fastify({ logger: false, bodyLimit: limits.maxReportBytes });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(BODY_TYPES, { parseAs: 'string' }, (_request, body, done) => done(null, body));

  const overBudget = createRateLimiter({ perMinute: limits.ingestPerMinute, now });
  const deps: RouteDeps = {
    app,
    store,
    decryptor,
    reportSchema,
    collectorSchemas: collectorSchemas as Record<string, SchemaNode>,
    now,
    gauge,
    limits,
    declaredFields,
    takeIngestBudget(request, reply) {
      const wait = overBudget(request.socket.remoteAddress ?? 'unknown');
      if (wait === 0) return true;
      reply.code(429).header('retry-after', String(wait)).send({ error: `more than ${limits.ingestPerMinute} requests a minute from this address; retry in ${wait} s` });
      return false;
    },
    allowRead(request, reply) {
      const decision = decideReadAccess({ remoteAddress: request.socket.remoteAddress, authorization: request.headers.authorization }, readToken);
      if (decision.allow) return true;
      if (decision.status === 401) reply.header('www-authenticate', 'Bearer realm="telemetry-fleet"');
      reply.code(decision.status).send({ error: decision.reason });
      return false;
    },
  };
  registerIngestCors(app);
  registerReportsRoute(deps);
  registerOptInStatusRoute(deps);
  registerImportRoute(deps);
  registerFleetReadRoutes(deps);

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: `no route ${request.method} ${request.url.split('?')[0].slice(0, 200)}` });
  });
  // Every failure becomes an answer; none reaches the process (nothing crashes the receiver).
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof IntakeError) return reply.code(error.status).send({ error: error.message });
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const reason =
        error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? `the body is larger than this route's limit of ${request.routeOptions.bodyLimit ?? limits.maxReportBytes} bytes`
          : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? `content-type must be one of ${BODY_TYPES.join(', ')}, got ${JSON.stringify(request.headers['content-type'] ?? null)}`
            : error.message;
      return reply.code(status).send({ error: reason });
    }
    log(`[receiver] ${request.method} ${request.url.split('?')[0]} failed: ${error.stack ?? error.message}`);
    return reply.code(500).send({ error: 'internal error; see the receiver log' });
  });

  await app.listen({ host, port });
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${boundPort}`,
    port: boundPort,
    async close() {
      await app.close();
    },
  };
}
