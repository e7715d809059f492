import { schema, TypeOf } from '@osd/config-schema';
import { MAX_TIMER_MS, timerDuration } from '../config/limits';

const hostUri = schema.uri({ scheme: ['http', 'https'] });

/**
 * `opensearch.*`: the cluster. With no `hosts`, the server runs on its embedded store.
 *
 * Every duration that drives a client or Node timer has a floor and `MAX_TIMER_MS` as ceiling: `0` would make
 * the start-up wait give up at once, the health check poll the cluster in a tight loop, or every request time
 * out; a bare number is milliseconds, so `requestTimeout: 30` (meant as seconds) is caught as well.
 */
export const opensearchConfig = {
  path: 'opensearch',
  schema: schema.object({
    hosts: schema.maybe(schema.oneOf([hostUri, schema.arrayOf(hostUri, { minSize: 1 })])),
    username: schema.maybe(schema.string()),
    password: schema.maybe(schema.string()),
    requestTimeout: timerDuration({ defaultValue: '30s', min: '1s' }),
    pingTimeout: timerDuration({ defaultValue: '30s', min: '100ms' }),
    startupTimeout: timerDuration({ defaultValue: '60s', min: '1s' }),
    // Sent to OpenSearch, where 0 disables the shard timeout (upstream's meaning), so 0 stays allowed.
    shardTimeout: schema.duration({ defaultValue: '30s', min: 0, max: MAX_TIMER_MS }),
    healthCheck: schema.object({ delay: timerDuration({ defaultValue: 2500, min: '100ms' }) }),
    logQueries: schema.boolean({ defaultValue: false }),
    // Upstream's: with several hosts the client already rotates over them and retries a failed call on
    // another one; sniffing also learns members that are not listed (off by default: behind a proxy or in
    // containers the addresses nodes publish are often unreachable from here).
    sniffOnStart: schema.boolean({ defaultValue: false }),
    sniffInterval: schema.oneOf([schema.literal(false), schema.duration({ min: '1s', max: MAX_TIMER_MS })], { defaultValue: false }),
    sniffOnConnectionFault: schema.boolean({ defaultValue: false }),
    ssl: schema.object({
      verificationMode: schema.oneOf([schema.literal('none'), schema.literal('certificate'), schema.literal('full')], {
        defaultValue: 'full',
      }),
      certificateAuthorities: schema.maybe(schema.oneOf([schema.string(), schema.arrayOf(schema.string())])),
      certificate: schema.maybe(schema.string()),
      key: schema.maybe(schema.string()),
    }),
  }),
};

export type OpenSearchConfigType = TypeOf<typeof opensearchConfig.schema>;
