import { schema, TypeOf } from '@osd/config-schema';
import type { PluginConfigDescriptor } from '../../../core/server';
import { parsePublicJwk } from '../../telemetry_collection_manager/server';
import { DEFAULT_PRIVACY_STATEMENT_URL, TELEMETRY_URLS } from '../common/constants';

const httpUrl = (defaults: { prod: string; staging: string }) =>
  schema.conditional(
    schema.contextRef('dist'),
    true,
    schema.uri({ scheme: ['http', 'https'], defaultValue: defaults.prod }),
    schema.uri({ scheme: ['http', 'https'], defaultValue: defaults.staging })
  );

/** `telemetry.*` in `opensearch_dashboards.yml`. */
export const configSchema = schema.object({
  /** `false` leaves the plugin out: no routes, no collector, no sender. */
  enabled: schema.boolean({ defaultValue: true }),
  /** `false` locks the choice: `optIn` (when set) is the status, and the opt-in route answers 400. */
  allowChangingOptInStatus: schema.boolean({ defaultValue: true }),
  /**
   * No default: unset means nobody decided yet (nothing is sent; the browser asks). `true` opts in by
   * config (the browser shows the "opted in by default" notice); `false` opts out. With
   * `allowChangingOptInStatus: false` either value is locked.
   */
  optIn: schema.maybe(schema.boolean()),
  /** Whether the browser shows the opt-in banner and the notice. */
  banner: schema.boolean({ defaultValue: true }),
  /** Where reports are sent (only ever after an opt-in). */
  url: httpUrl({ prod: TELEMETRY_URLS.prod, staging: TELEMETRY_URLS.staging }),
  /** Where an opt-in is announced (only ever after an opt-in). */
  optInStatusUrl: httpUrl({ prod: TELEMETRY_URLS.optInStatusProd, staging: TELEMETRY_URLS.optInStatusStaging }),
  /** Who sends the report: the server (default) or an admin's browser. */
  sendUsageFrom: schema.oneOf([schema.literal('server'), schema.literal('browser')], { defaultValue: 'server' }),
  /** The privacy statement the banner, the notice and the settings section link to. */
  privacyStatementUrl: schema.uri({ scheme: ['http', 'https'], defaultValue: DEFAULT_PRIVACY_STATEMENT_URL }),
  /** First check of the server sender after start (and after an opt-in on this server). */
  initialCheckDelay: schema.duration({ defaultValue: '5m' }),
  /** Longest sleep of the server sender between two looks at the shared state. */
  checkInterval: schema.duration({ defaultValue: '12h' }),
  /** One report per this interval (plus a small jitter), shared by every server on the same store. */
  reportInterval: schema.duration({ defaultValue: '24h' }),
  /** After a failed send, the next try waits this long, doubled for each further failure (3 pause sending). */
  retryDelay: schema.duration({ defaultValue: '1h' }),
  /** Time limit of one outbound request (report or opt-in status), response body included. */
  requestTimeout: schema.duration({ defaultValue: '30s' }),
  /**
   * Public RSA key (JWK, as JSON text or as a YAML object) every report is encrypted to before it leaves
   * the server; its `kid` goes in each JWE header. Unset: reports are sent as plain JSON.
   */
  encryptionKey: schema.maybe(
    schema.any({
      validate: (value) => {
        try {
          parsePublicJwk(value);
        } catch (e) {
          return (e as Error).message.replace(/^the encryption key /, '');
        }
      },
    })
  ),
});

export type TelemetryConfigType = TypeOf<typeof configSchema>;

export const config: PluginConfigDescriptor<TelemetryConfigType> = {
  schema: configSchema,
  exposeToBrowser: {
    enabled: true,
    url: true,
    banner: true,
    allowChangingOptInStatus: true,
    optIn: true,
    optInStatusUrl: true,
    sendUsageFrom: true,
    privacyStatementUrl: true,
    reportInterval: true,
    initialCheckDelay: true,
    retryDelay: true,
  },
};
