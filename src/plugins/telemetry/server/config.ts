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

/** Timers (Node and browsers) take at most 2^31-1 ms (24.8 days); a longer delay would fire at once. */
const MAX_TIMER = '24d';

/**
 * Bounds of the duration keys, each with why. A value outside is a start-up error naming the key.
 * Exported for the tests and the README table.
 */
export const DURATION_LIMITS = {
  /** A timer. The first look may try even during a failure pause (a restart lifts it), so it is never instant. */
  initialCheckDelay: { min: '1s', max: MAX_TIMER },
  /** A timer; more often than every 10 s only loads the store (the opt-in state is polled every 10 s anyway). */
  checkInterval: { min: '10s', max: MAX_TIMER },
  /** `0` meant a report every second; more than a year is no schedule. */
  reportInterval: { min: '1m', max: '365d' },
  /** Bounded by the 3 tries before the pause; twice the longest must still fit a timer. */
  retryDelay: { min: '1s', max: '7d' },
  /** A failing receiver is never asked more often than a healthy one could be (reportInterval ≥ 1m). */
  failurePause: { min: '1m', max: MAX_TIMER },
  /** Under a second no real receiver answers; a try in flight holds the report for twice this. */
  requestTimeout: { min: '1s', max: '10m' },
  /** Under 10 s the coalescing would not stop a burst of toggles; a timer. */
  optInStatusInterval: { min: '10s', max: '1h' },
} as const;

const duration = (defaultValue: string, { min, max }: { min: string | number; max: string | number }) => schema.duration({ defaultValue, min, max });

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
  /**
   * How much an opt-in by config sends: `operational` (health, versions, sizes; no usage data) or `full`
   * (the default). With `allowChangingOptInStatus: false` it is locked too (docs/consent.md).
   */
  level: schema.maybe(schema.oneOf([schema.literal('operational'), schema.literal('full')])),
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
  initialCheckDelay: duration('5m', DURATION_LIMITS.initialCheckDelay),
  /** Longest sleep of the server sender between two looks at the shared state. */
  checkInterval: duration('12h', DURATION_LIMITS.checkInterval),
  /** One report per this interval (plus a small jitter), shared by every server on the same store. */
  reportInterval: duration('24h', DURATION_LIMITS.reportInterval),
  /** After a failed send, the next try waits this long, doubled for each further failure until the 3rd. */
  retryDelay: duration('1h', DURATION_LIMITS.retryDelay),
  /** After 3 failed sends in a row (and after each later one), sending pauses this long, then tries again. */
  failurePause: duration('24h', DURATION_LIMITS.failurePause),
  /** Time limit of one outbound request (report or opt-in status), response body included. */
  requestTimeout: duration('30s', DURATION_LIMITS.requestTimeout),
  /** At most one opt-in status announcement per this interval (per server, or per browser tab); toggles in between are coalesced. */
  optInStatusInterval: duration('1m', DURATION_LIMITS.optInStatusInterval),
  /** The ledger of generated reports (`GET /api/telemetry/v2/reports`). */
  history: schema.object({
    /** Reports kept, newest first; older ones are deleted after each new one. Each may be megabytes. */
    maxReports: schema.number({
      defaultValue: 30,
      min: 1,
      max: 1000,
      validate: (value) => (Number.isInteger(value) ? undefined : `must be a whole number, got ${value}`),
    }),
  }),
  /**
   * Air-gapped sites: reports are built on the schedule (when opted in) and kept in the ledger as
   * `generated`; nothing leaves the server, not even the opt-in status. An export carries them out.
   */
  generateOnly: schema.boolean({ defaultValue: false }),
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
    failurePause: true,
    optInStatusInterval: true,
  },
};
