/*
 * Shared by the telemetry integration suites: a real server pointed at a local receiver with short sender
 * timings, a look into the `telemetry` saved object, and a way to make time pass for it.
 */
import Database from 'better-sqlite3';
import { join } from 'path';
import { startOsdServer, type OsdServer, type OsdServerOptions } from '../../../../../test/harness/osd_server';
import type { Receiver } from '../../../../../test/receiver';
import type { StoreMode } from '../../../../../test/harness/store_modes';
import type { TelemetrySavedObjectAttributes } from '../../common/telemetry_config';

/**
 * Sender timings that keep a suite short, each at its minimum (`server/config.ts`): first check after
 * 1 s, a look at the shared state at least every 10 s, one report a minute, retries 1 s then 2 s apart,
 * a pause of a minute after 3 failures, at most one opt-in announcement per 10 s.
 */
export const FAST_TIMINGS: Record<string, string> = {
  initialCheckDelay: '1s',
  reportInterval: '1m',
  checkInterval: '10s',
  retryDelay: '1s',
  failurePause: '1m',
  requestTimeout: '1s',
  optInStatusInterval: '10s',
};
/** FAST_TIMINGS.checkInterval in ms: a change to the shared state is seen within this (plus a check). */
export const CHECK_INTERVAL_MS = 10000;

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

/** Ends a one-server suite: stops its server (removing its data folder) and receiver, then its store. */
export async function stopTelemetrySuite(mode: StoreMode, server: OsdServer | undefined, receiver: Receiver | undefined): Promise<void> {
  await server?.stop();
  server?.cleanup();
  await receiver?.stop();
  await mode.reset();
  await mode.after();
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

const TELEMETRY_RAW_ID = 'telemetry:telemetry';

/** The attributes of `telemetry/telemetry` in the mode's store (SQLite file or the node's index). */
export async function readTelemetryState(mode: StoreMode, server: Pick<OsdServer, 'dataPath'>): Promise<TelemetrySavedObjectAttributes | undefined> {
  if (mode.name === 'embedded') return readTelemetrySavedObject(server.dataPath);
  const res = await fetch(`${mode.node!.url}/${mode.index}/_doc/${TELEMETRY_RAW_ID}`);
  return res.status === 200 ? (await res.json())._source.telemetry : undefined;
}

/**
 * Makes `ms` pass for the sender: moves `lastReported` and `lastReportAttempt` of the stored object back,
 * as a write of another server would (a new `_seq_no`, so a server's conditional claim sees the change).
 * The servers notice at their next look (within CHECK_INTERVAL_MS). A report interval is 1 minute at
 * least, so the suites do this instead of waiting for one.
 */
export async function rewindTelemetryState(mode: StoreMode, server: Pick<OsdServer, 'dataPath'>, ms: number): Promise<void> {
  const rewind = (attributes: Record<string, unknown>) => {
    for (const key of ['lastReported', 'lastReportAttempt']) {
      if (typeof attributes[key] === 'number') attributes[key] = (attributes[key] as number) - ms;
    }
    return attributes;
  };
  if (mode.name === 'embedded') {
    const db = new Database(join(server.dataPath, 'saved_objects.sqlite'), { fileMustExist: true, timeout: 10000 });
    try {
      db.transaction(() => {
        const row = db.prepare('SELECT attributes FROM saved_objects WHERE raw_id = ?').get(TELEMETRY_RAW_ID) as { attributes: string } | undefined;
        if (!row) throw new Error('no telemetry saved object to rewind');
        const { value: seqNo } = db.prepare("UPDATE saved_objects_meta SET value = value + 1 WHERE key = 'last_seq_no' RETURNING value").get() as { value: number };
        db.prepare('UPDATE saved_objects SET attributes = ?, seq_no = ? WHERE raw_id = ?').run(JSON.stringify(rewind(JSON.parse(row.attributes))), seqNo, TELEMETRY_RAW_ID);
      }).immediate();
    } finally {
      db.close();
    }
    return;
  }
  const docUrl = `${mode.node!.url}/${mode.index}/_doc/${TELEMETRY_RAW_ID}`;
  const doc = await (await fetch(docUrl)).json();
  if (!doc.found) throw new Error('no telemetry saved object to rewind');
  const source = { ...doc._source, telemetry: rewind({ ...doc._source.telemetry }) };
  const res = await fetch(`${docUrl}?refresh=true&if_seq_no=${doc._seq_no}&if_primary_term=${doc._primary_term}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(source),
  });
  if (res.status !== 200) throw new Error(`rewinding the telemetry saved object answered ${res.status}: ${await res.text()}`);
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

/** Waits until the server printed a line with `text`; returns those lines. */
export async function waitForLines(server: OsdServer, text: string, count = 1, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  while (linesWith(server, text).length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} line(s) with "${text}" in:\n${server.output()}`);
    await sleep(50);
  }
  return linesWith(server, text);
}

/** Time taken by `fn`, in ms, and its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = Date.now();
  const result = await fn();
  return { ms: Date.now() - started, result };
}

/**
 * Server flags of `mode` with the saved-objects index suffixed (OpenSearch), so that several servers of one
 * suite on one node each have a store of their own (an embedded server has its own data folder anyway).
 */
export function argsWithOwnIndex(mode: StoreMode, suffix: string): string[] {
  return mode.args().map((arg) => (arg.startsWith('--opensearchDashboards.index=') ? `${arg}_${suffix}` : arg));
}

/** How many saved objects of `type` the server's store holds (`suffix` as given to `argsWithOwnIndex`). */
export async function countStoredObjects(mode: StoreMode, server: Pick<OsdServer, 'dataPath'>, type: string, suffix?: string): Promise<number> {
  if (mode.name === 'embedded') {
    const db = new Database(join(server.dataPath, 'saved_objects.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM saved_objects WHERE type = ?').get(type) as { n: number }).n;
    } finally {
      db.close();
    }
  }
  const index = suffix ? `${mode.index}_${suffix}` : mode.index;
  await fetch(`${mode.node!.url}/${index}/_refresh`, { method: 'POST' });
  const res = await fetch(`${mode.node!.url}/${index}/_count`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: { term: { type } } }),
  });
  return (await res.json()).count;
}

/** Deletes the indices `argsWithOwnIndex` made (no-op for embedded). */
export async function deleteOwnIndices(mode: StoreMode, suffixes: string[]): Promise<void> {
  if (mode.name !== 'opensearch' || !mode.node) return;
  await Promise.all(suffixes.map((suffix) => fetch(`${mode.node!.url}/${mode.index}_${suffix}`, { method: 'DELETE' })));
}

/**
 * The servers and receivers a test starts, stopped after it; also registers the store mode's hooks (up before
 * the suite, down after it, emptied after each test). `track(servers, x)`/`track(receivers, x)` return `x`.
 */
export function perTestResources(mode: StoreMode) {
  const servers: OsdServer[] = [];
  const receivers: Receiver[] = [];
  beforeAll(() => mode.before(), 180000);
  afterAll(() => mode.after());
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(async (s) => (await s.stop(), s.cleanup())));
    await Promise.all(receivers.splice(0).map((r) => r.stop()));
    await mode.reset();
  });
  const track = <T extends OsdServer | Receiver>(list: T[], item: T) => (list.push(item), item);
  return { servers, receivers, track };
}
