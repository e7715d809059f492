/*
 * A third-party plugin (compiled JavaScript) that uses usageCollection as an optional dependency. It
 * registers collectors that misbehave on purpose, for the integration tests and the benchmarks:
 * one that throws, one that never answers, one that returns fields it never declared, one that is not
 * ready, and any number of slow ones. It also serves two baselines for the benchmarks: upstream's
 * ui-metric write strategy (one counter increment per metric), and a route that only parses its body.
 */
const { schema } = require('@osd/config-schema');

const config = {
  schema: schema.object({
    throwing: schema.boolean({ defaultValue: false }),
    hanging: schema.boolean({ defaultValue: false }),
    leaky: schema.boolean({ defaultValue: false }),
    notReady: schema.boolean({ defaultValue: false }),
    fanout: schema.object({
      count: schema.number({ defaultValue: 0, min: 0 }),
      delayMs: schema.number({ defaultValue: 20, min: 0 }),
    }),
  }),
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class UsageTestPlugin {
  constructor(initializerContext) {
    this.config = initializerContext.config.get();
    this.logger = initializerContext.logger.get();
  }

  setup(core, { usageCollection }) {
    this.registerBenchmarkRoutes(core);
    if (!usageCollection) {
      this.logger.info('usageCollection is disabled: no test collectors');
      return { hasUsageCollection: false };
    }
    const { throwing, hanging, leaky, notReady, fanout } = this.config;
    const register = (options, usage = true) =>
      usageCollection.registerCollector(usage ? usageCollection.makeUsageCollector(options) : usageCollection.makeStatsCollector(options));

    register({ type: 'test_healthy', schema: { count: { type: 'long' }, appName: 'keyword' }, fetch: () => ({ count: 7, appName: 'healthy' }) });
    if (throwing) {
      register({
        type: 'test_throws',
        schema: { count: 'long' },
        fetch: () => {
          throw new Error('this collector always fails');
        },
      });
    }
    if (hanging) register({ type: 'test_hangs', schema: { count: 'long' }, fetch: () => new Promise(() => undefined) });
    if (leaky) {
      register({
        type: 'test_leaky',
        schema: { count: 'long', nested: { ok: 'boolean' }, byApp: { DYNAMIC_KEY: { clicks: 'long' } } },
        fetch: () => ({
          count: 3,
          email: 'someone@example.com',
          nested: { ok: true, token: 'secret-token' },
          byApp: { 'test-app': { clicks: 2, ip: '10.0.0.1' } },
          wrongType: 1,
        }),
      });
      register({ type: 'test_wrong_type', schema: { count: 'long' }, fetch: () => ({ count: 'not a number' }) });
    }
    if (notReady) register({ type: 'test_not_ready', schema: { count: 'long' }, isReady: () => false, fetch: () => ({ count: 1 }) });
    for (let i = 0; i < fanout.count; i++) {
      register({ type: `fanout_${i}`, schema: { value: 'long' }, fetch: () => sleep(fanout.delayMs).then(() => ({ value: i })) });
    }
    return { hasUsageCollection: true };
  }

  /**
   * Two baselines for the ui_metric_ingest benchmark:
   * - `POST /api/usage_test/ui_metric/upstream_report` stores a report the way upstream does, one
   *   write per metric (one `incrementCounters` of one each: core group-commits `incrementCounter`), all in parallel;
   * - `POST /api/usage_test/parse_only` answers once the platform has parsed the body: what any route of
   *   this server costs, before validation or storage.
   */
  registerBenchmarkRoutes(core) {
    const router = core.http.createRouter();
    router.post({ path: '/api/usage_test/parse_only', validate: { body: (body) => body } }, async (_context, _request, response) =>
      response.ok({ body: { status: 'ok' } })
    );
    const startServices = core.getStartServices();
    router.post(
      { path: '/api/usage_test/ui_metric/upstream_report', validate: { body: schema.object({ report: schema.any() }) } },
      async (_context, request, response) => {
        const [coreStart] = await startServices;
        this.repository = this.repository || coreStart.savedObjects.createInternalRepository();
        const metrics = Object.values(request.body.report.uiStatsMetrics || {});
        await Promise.all(
          // One write per metric, as upstream: `incrementCounters` of one (`incrementCounter` is group-committed).
          metrics.map((m) => this.repository.incrementCounters([{ type: 'ui-metric', id: `${m.appName}:${m.eventName}`, counterFieldName: 'count', incrementBy: m.stats.sum }]))
        );
        return response.ok({ body: { status: 'ok' } });
      }
    );
  }

  start() {
    return {};
  }
}

module.exports = { config, plugin: (initializerContext) => new UsageTestPlugin(initializerContext) };
