import { ByteSizeValue, schema, TypeOf } from '@osd/config-schema';
import { hostname } from 'os';
import { MAX_TIMER_MS } from '../config/limits';

const uuidRegexp = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `server.*`, as upstream's `opensearch_dashboards.yml` documents it. */
export const httpConfigSchema = schema.object({
  host: schema.string({ defaultValue: 'localhost', hostname: true }),
  port: schema.number({ defaultValue: 5601, min: 0, max: 65535 }),
  name: schema.string({ defaultValue: () => hostname() }),
  basePath: schema.string({
    defaultValue: '',
    validate: (value: string) => {
      if (value === '') return;
      if (!value.startsWith('/')) return 'must start with a slash, don\'t end with one';
      if (value.endsWith('/')) return 'must start with a slash, don\'t end with one';
    },
  }),
  /** Accepted for compatibility: requests work with and without the base path prefix in any case. */
  rewriteBasePath: schema.boolean({ defaultValue: false }),
  /** A body is decoded into one string before parsing, and V8 strings stop near 512 MB: stay well below. */
  maxPayloadBytes: schema.byteSize({ defaultValue: '1048576b', min: '1kb', max: '256mb' }),
  /** Milliseconds, as upstream. Both end up in socket timers; `0` would mean "never", which is not allowed. */
  keepaliveTimeout: schema.number({ defaultValue: 120000, min: 1000, max: MAX_TIMER_MS }),
  socketTimeout: schema.number({ defaultValue: 120000, min: 1000, max: MAX_TIMER_MS }),
  uuid: schema.maybe(
    schema.string({
      validate: (value: string) => (uuidRegexp.test(value) ? undefined : 'must be a valid uuid'),
    })
  ),
  xsrf: schema.object({
    disableProtection: schema.boolean({ defaultValue: false }),
    allowlist: schema.arrayOf(schema.string({ validate: (p: string) => (p.startsWith('/') ? undefined : 'must start with a slash') }), { defaultValue: [] }),
  }),
  customResponseHeaders: schema.recordOf(schema.string(), schema.any(), { defaultValue: {} }),
  compression: schema.object({ enabled: schema.boolean({ defaultValue: true }) }),
  defaultRoute: schema.maybe(schema.string()),
});

export type HttpConfigType = TypeOf<typeof httpConfigSchema>;
export const httpConfig = { path: 'server', schema: httpConfigSchema };

/** The pieces of `server.*` the HTTP layer needs, in plain form. */
export interface HttpConfig {
  host: string;
  port: number;
  name: string;
  basePath: string;
  maxPayloadBytes: number;
  keepaliveTimeout: number;
  socketTimeout: number;
  xsrf: { disableProtection: boolean; allowlist: string[] };
  customResponseHeaders: Record<string, unknown>;
}

export function toHttpConfig(raw: HttpConfigType): HttpConfig {
  const size = raw.maxPayloadBytes as ByteSizeValue;
  return {
    host: raw.host,
    port: raw.port,
    name: raw.name,
    basePath: raw.basePath,
    maxPayloadBytes: size.getValueInBytes(),
    keepaliveTimeout: raw.keepaliveTimeout,
    socketTimeout: raw.socketTimeout,
    xsrf: { disableProtection: raw.xsrf.disableProtection, allowlist: raw.xsrf.allowlist },
    customResponseHeaders: raw.customResponseHeaders,
  };
}
