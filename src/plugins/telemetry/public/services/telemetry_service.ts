import { BehaviorSubject, type Observable } from 'rxjs';
import type { HttpStart, IToasts } from '../../../../core/public';
import { ENDPOINT_VERSION } from '../../common/constants';
import { createOptInStatusCoalescer, type OptInStatusCoalescer } from '../../common/opt_in_status_coalescer';
import { buildOptInStatusRequest } from '../../common/sender';
import type { TelemetryBrowserState } from '../../common/telemetry_state';
import type { TelemetryPublicConfig } from '../types';
import { createStatsClient, type TelemetryStatsClient } from '../../../telemetry_collection_manager/public';

const API = `/api/telemetry/${ENDPOINT_VERSION}`;

/** The error text of a failed call: the server's message when it sent one. */
export function errorMessage(error: unknown): string {
  const e = error as { body?: { message?: unknown }; message?: unknown };
  if (e && typeof e.body?.message === 'string') return e.body.message;
  if (e && typeof e.message === 'string' && e.message) return e.message;
  return String(error);
}

/** The HTTP status of a failed call, when there was a response. */
export function errorStatus(error: unknown): number | undefined {
  const e = error as { status?: unknown; response?: { status?: unknown } };
  const status = e?.response?.status ?? e?.status;
  return typeof status === 'number' ? status : undefined;
}

export interface TelemetryServiceOptions {
  http: Pick<HttpStart, 'get' | 'post' | 'put'>;
  /** The collection manager's stats client; one over `http` when not given. */
  statsClient?: TelemetryStatsClient;
  toasts: Pick<IToasts, 'addDanger'>;
  config: TelemetryPublicConfig;
  /**
   * Whether this user may change the opt-in (capabilities: `telemetry.optIn`). Default true. When false the
   * choice reads as locked by `role`: no banner, no notice, a disabled switch.
   */
  userCanChangeSettings?: boolean;
  /** The browser's `fetch`, for the opt-in status sent to `optInStatusUrl` in browser-sender mode. */
  fetch?: typeof fetch;
  /** Wall clock (ms). */
  now?: () => number;
  /** At most one opt-in announcement per this interval from this tab (`telemetry.optInStatusInterval`; default 1 minute). */
  optInStatusIntervalMs?: number;
  /** The product version, sent as `osd-version` with an opt-in announcement (the shared request builder). */
  version?: string;
}

/**
 * The browser's view of the opt-in state, and the actions on it. The state starts from the config and is
 * replaced by the server's (`refreshState`, called at plugin start). Errors of the actions become one
 * danger toast with the server's message; the actions then resolve `false`.
 */
export class TelemetryService {
  private readonly http: TelemetryServiceOptions['http'];
  private readonly statsClient: TelemetryStatsClient;
  private readonly toasts: TelemetryServiceOptions['toasts'];
  private readonly config: TelemetryPublicConfig;
  private readonly fetchFn?: typeof fetch;
  private readonly version?: string;
  private userCanChangeSettings: boolean;
  private readonly state$: BehaviorSubject<TelemetryBrowserState>;
  private readonly optInStatus: OptInStatusCoalescer<null>;

  constructor({
    http,
    statsClient,
    toasts,
    config,
    userCanChangeSettings = true,
    fetch: fetchFn,
    now = Date.now,
    optInStatusIntervalMs = 60000,
    version,
  }: TelemetryServiceOptions) {
    this.version = version;
    this.http = http;
    this.statsClient = statsClient ?? createStatsClient(http, now);
    this.toasts = toasts;
    this.config = config;
    this.fetchFn = fetchFn;
    this.userCanChangeSettings = userCanChangeSettings;
    const locked = !config.allowChangingOptInStatus;
    this.state$ = new BehaviorSubject<TelemetryBrowserState>(
      this.withUserRights({
        optIn: config.optIn ?? null,
        allowChangingOptInStatus: config.allowChangingOptInStatus,
        ...(locked ? { lockedBy: 'config' as const } : {}),
        sendUsageFrom: config.sendUsageFrom,
        notifyUserAboutOptInDefault: false,
      })
    );
    // The same coalescing as the server's announcements (common/opt_in_status_coalescer.ts), per tab.
    this.optInStatus = createOptInStatusCoalescer<null>({
      minIntervalMs: optInStatusIntervalMs,
      send: (_payload, { delayed }) => this.reportOptInStatus(delayed),
    });
  }

  /** Reads the effective state from the server (`GET /api/telemetry/v2/state`). Rejects on failure. */
  public async refreshState(): Promise<TelemetryBrowserState> {
    const state = this.withUserRights(await this.http.get<TelemetryBrowserState>(`${API}/state`));
    this.state$.next(state);
    return state;
  }

  /** Sets whether this user may change the opt-in (known at plugin start, from the page's capabilities). */
  public setUserCanChangeSettings(allowed: boolean) {
    this.userCanChangeSettings = allowed;
    this.state$.next(this.withUserRights(this.state$.value));
  }

  /** The state as this user sees it: a choice the server leaves open is locked by `role` for a user who may not make it. */
  private withUserRights(state: TelemetryBrowserState): TelemetryBrowserState {
    if (this.userCanChangeSettings || !state.allowChangingOptInStatus) return state;
    return { ...state, allowChangingOptInStatus: false, lockedBy: 'role' };
  }

  /** The current state; emits on each change (server read, opt-in, notice dismissed). */
  public getState$(): Observable<TelemetryBrowserState> {
    return this.state$.asObservable();
  }

  /** `true` opted in, `false` opted out, `null` undecided (a fresh install). */
  public getIsOptedIn(): boolean | null {
    return this.state$.value.optIn;
  }

  /** Whether the choice may be changed; false when locked by config, the saved object or the environment. */
  public getCanChangeOptInStatus(): boolean {
    return this.state$.value.allowChangingOptInStatus;
  }

  /** What locks the choice, if it is locked. */
  public getLockedBy(): TelemetryBrowserState['lockedBy'] {
    return this.state$.value.allowChangingOptInStatus ? undefined : this.state$.value.lockedBy ?? 'config';
  }

  /** Who sends the report (`server` unless configured otherwise). */
  public getSendUsageFrom() {
    return this.state$.value.sendUsageFrom;
  }

  /** Where reports are sent. */
  public getTelemetryUrl(): URL {
    return new URL(this.config.url);
  }

  /** The privacy statement the banners and the Usage Data section link to. */
  public getPrivacyStatementUrl(): string {
    return this.config.privacyStatementUrl;
  }

  /** Where an opt-in is announced. */
  public getOptInStatusUrl(): URL {
    return new URL(this.config.optInStatusUrl);
  }

  /** Whether to show the "opted in by default" notice: opted in by config, not dismissed, and this user may change it. */
  public getUserShouldSeeOptInNotice(): boolean {
    return this.state$.value.notifyUserAboutOptInDefault && this.userCanChangeSettings;
  }

  /** The reports as the server builds them: plain for `unencrypted`, else what may be sent. */
  public async fetchTelemetry({ unencrypted = false } = {}): Promise<unknown[]> {
    return this.statsClient.getStats({ unencrypted });
  }

  /** The plain report, for the admin's preview. Rejects as the request does (403 when not allowed). */
  public fetchExample(): Promise<unknown[]> {
    return this.fetchTelemetry({ unencrypted: true });
  }

  /**
   * Records the choice (`POST /api/telemetry/v2/optIn`). Resolves `true` when saved; `false` when the
   * choice is locked (no request) or the call failed (a danger toast with the server's message).
   */
  public async setOptIn(enabled: boolean): Promise<boolean> {
    if (!this.getCanChangeOptInStatus()) return false;
    try {
      await this.http.post(`${API}/optIn`, { body: JSON.stringify({ enabled }) });
    } catch (error) {
      this.toasts.addDanger({ title: 'Could not save the usage data preference', text: errorMessage(error) });
      return false;
    }
    const wasOptedIn = this.state$.value.optIn === true;
    // The level follows the choice as the route stored it (`full` for an opt-in without a level), so the
    // state never says opted in at `off`: the sender selection (common/sender) reads both.
    this.state$.next({ ...this.state$.value, optIn: enabled, level: enabled ? 'full' : 'off', notifyUserAboutOptInDefault: false });
    // With the server as sender, the server announces the opt-in; with the browser, the browser does. An
    // announcement sent now is awaited; one that waits for the interval is not (an opt-out drops it).
    if (enabled && !wasOptedIn && this.getSendUsageFrom() === 'browser') await this.optInStatus.notify({ optedIn: true, payload: null });
    else if (!enabled) await this.optInStatus.notify({ optedIn: false });
    return true;
  }

  /** Drops an announcement still waiting (the tab is closing) and waits for one in flight. */
  public stop(): Promise<void> {
    return this.optInStatus.stop();
  }

  /** Records that the "opted in by default" notice was seen. Resolves false (and toasts) on failure. */
  public async setUserHasSeenNotice(): Promise<boolean> {
    try {
      await this.http.put(`${API}/userHasSeenNotice`);
    } catch (error) {
      this.toasts.addDanger({ title: 'Could not dismiss the notice', text: errorMessage(error) });
      return false;
    }
    this.state$.next({ ...this.state$.value, notifyUserAboutOptInDefault: false });
    return true;
  }

  // Best effort, as upstream: the choice is saved already; a failed announcement only loses the notice.
  // One that waited goes only if the server still says opted in with the browser as sender.
  private async reportOptInStatus(delayed: boolean) {
    if (!this.fetchFn) return;
    try {
      if (delayed) {
        const state = await this.refreshState();
        if (state.optIn !== true || state.sendUsageFrom !== 'browser') return;
      }
      const payload = await this.statsClient.getOptInStats({ enabled: true, unencrypted: false });
      // The server sender's builder (common/sender): the same headers and encoding.
      const { url, headers, body } = buildOptInStatusRequest(payload, { url: this.getOptInStatusUrl().toString(), version: this.version, side: 'browser' });
      await this.fetchFn(url, { method: 'POST', headers, body });
    } catch (error) {
      console.warn(`Could not announce the opt-in to ${this.config.optInStatusUrl}: ${errorMessage(error)}`);
    }
  }
}
