import { ByteSizeValue, schema, TypeOf } from '@osd/config-schema';
import { readFileSync } from 'fs';
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
  /** HTTPS, with upstream's keys: PEM files for the certificate (chain) and its private key. */
  ssl: schema.object(
    {
      enabled: schema.boolean({ defaultValue: false }),
      certificate: schema.maybe(schema.string({ minLength: 1 })),
      key: schema.maybe(schema.string({ minLength: 1 })),
      keyPassphrase: schema.maybe(schema.string()),
    },
    {
      validate: (ssl) =>
        ssl.enabled && (!ssl.certificate || !ssl.key) ? 'must specify [certificate] and [key] when ssl is enabled' : undefined,
    }
  ),
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
  /** The PEM contents when `server.ssl.enabled`. */
  tls?: { cert: Buffer; key: Buffer; passphrase?: string };
}

/** A TLS file that cannot be read: the operator fixes the named key. */
export class HttpConfigFileError extends Error {
  constructor(public readonly key: string, message: string) {
    super(`[${key}]: ${message}`);
    this.name = 'HttpConfigFileError';
  }
}

function readPem(key: string, path: string): Buffer {
  let content: Buffer;
  try {
    content = readFileSync(path);
  } catch (error) {
    throw new HttpConfigFileError(key, `cannot read [${path}]: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (!content.toString('latin1').includes('-----BEGIN ')) throw new HttpConfigFileError(key, `[${path}] is not a PEM file`);
  return content;
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
    tls: raw.ssl.enabled
      ? {
          cert: readPem('server.ssl.certificate', raw.ssl.certificate!),
          key: readPem('server.ssl.key', raw.ssl.key!),
          passphrase: raw.ssl.keyPassphrase,
        }
      : undefined,
  };
}
