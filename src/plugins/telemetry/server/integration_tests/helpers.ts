/*
 * Shared by the telemetry integration suites: a real server pointed at a local receiver with short sender
 * timings, and a look into the `telemetry` saved object.
 */
import Database from 'better-sqlite3';
import { join } from 'path';
import { startOsdServer, type OsdServer, type OsdServerOptions } from '../../../../../test/harness/osd_server';
import type { Receiver } from '../../../../../test/receiver';
import type { TelemetrySavedObjectAttributes } from '../../common/telemetry_config';

/** Sender timings that keep a suite short: first check after 1 s, one report every 3 s. */
export const FAST_TIMINGS: Record<string, string> = {
  initialCheckDelay: '1s',
  reportInterval: '3s',
  checkInterval: '1m',
  retryDelay: '1s',
  requestTimeout: '1s',
};

export interface TelemetryServerOptions extends OsdServerOptions {
  receiver: Receiver;
  /** `telemetry.*` keys, merged over FAST_TIMINGS and the receiver's URLs. */
  telemetry?: Record<string, string | boolean | undefined>;
  /** Path under the receiver for reports (default `/send`); opt-in status always goes to `/opt_in_status`. */
  sendPath?: string;
}

/** Starts the server with `telemetry.url`/`optInStatusUrl` on the loopback receiver (never anything else). */
export function startTelemetryServer({ receiver, telemetry = {}, sendPath = '/send', args = [], ...options }: TelemetryServerOptions): Promise<OsdServer> {
  const settings: Record<string, string | boolean | undefined> = {
    url: `${receiver.url}${sendPath}`,
    optInStatusUrl: `${receiver.url}/opt_in_status`,
    ...FAST_TIMINGS,
    ...telemetry,
  };
  const flags = Object.entries(settings)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `--telemetry.${key}=${value}`);
  // The tests' environment must not leak a DO_NOT_TRACK of the machine into servers that should send.
  const env = { DO_NOT_TRACK: '', OSD_TELEMETRY_DISABLED: '', OSD_TELEMETRY_DEBUG: '', ...options.env };
  return startOsdServer({ ...options, env, args: [...flags, ...args] });
}

/** The attributes of `telemetry/telemetry` in the server's store, or undefined when it does not exist. */
export function readTelemetrySavedObject(dataPath: string): TelemetrySavedObjectAttributes | undefined {
  const db = new Database(join(dataPath, 'saved_objects.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT attributes FROM saved_objects WHERE raw_id = ?').get('telemetry:telemetry') as { attributes: string } | undefined;
    return row ? JSON.parse(row.attributes) : undefined;
  } finally {
    db.close();
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `count` requests matched `prefix`, or throws with what arrived. */
export async function waitForRequests(receiver: Receiver, prefix: string, count: number, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (receiver.requestsTo(prefix).length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} request(s) to ${prefix}, got ${receiver.requestsTo(prefix).length}`);
    await sleep(50);
  }
  return receiver.requestsTo(prefix);
}

/** Gaps in ms between consecutive requests. */
export const gaps = (requests: Array<{ receivedAt: number }>) => requests.slice(1).map((r, i) => r.receivedAt - requests[i].receivedAt);

/** Lines of the server output that contain `text`. */
export const linesWith = (server: OsdServer, text: string) => server.output().split('\n').filter((line) => line.includes(text));

/** Time taken by `fn`, in ms, and its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = Date.now();
  const result = await fn();
  return { ms: Date.now() - started, result };
}
