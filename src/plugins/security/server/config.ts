import { schema, TypeOf } from '@osd/config-schema';
import type { PluginConfigDescriptor } from '../../../core/server';

/*
 * Bounds of the duration keys, each with why; a value outside is a start-up error naming the key.
 * The session store extends an idle expiry at most once a minute, so an idle timeout must be longer than
 * that; Node timers (and the cookie-less browser session) are fine with anything under 24 days.
 */
export const SESSION_LIMITS = {
  /** Over the store's one-minute extension step, so a session in steady use never lapses. */
  idleTimeout: { min: '2m', max: '24d' },
  /** A lifespan shorter than the idle timeout just wins over it; a year is far beyond any workday. */
  lifespan: { min: '5m', max: '365d' },
  /** A timer; more often than every 10 s only loads the store. */
  cleanupInterval: { min: '10s', max: '24d' },
} as const;

const duration = (defaultValue: string, { min, max }: { min: string; max: string }) =>
  schema.duration({ defaultValue, min, max });

/** `security.*` in `opensearch_dashboards.yml`. */
export const configSchema = schema.object({
  /**
   * `true` (the default): every route needs a user, an API key or a session. `false`: core leaves the
   * plugin out and warns at start that anyone who can reach the port can use every API.
   */
  enabled: schema.boolean({ defaultValue: true }),
  session: schema.object({
    /** A session ends this long after its last use. */
    idleTimeout: duration('1h', SESSION_LIMITS.idleTimeout),
    /** A session ends this long after login, however active. */
    lifespan: duration('8h', SESSION_LIMITS.lifespan),
    /** How often expired sessions are deleted from the store (by every server; each run is bounded). */
    cleanupInterval: duration('10m', SESSION_LIMITS.cleanupInterval),
  }),
  cookie: schema.object({
    /**
     * Sets `Secure` on the session cookie even over plain HTTP (it is always set when `server.ssl` is on):
     * set it when a TLS proxy fronts the server.
     */
    secure: schema.boolean({ defaultValue: false }),
  }),
});

export type SecurityConfigType = TypeOf<typeof configSchema>;

export const config: PluginConfigDescriptor<SecurityConfigType> = {
  schema: configSchema,
  // The browser half is bundled either way; it only registers the login page and user menu when enabled.
  exposeToBrowser: { enabled: true },
};
