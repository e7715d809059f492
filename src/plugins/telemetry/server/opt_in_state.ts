import { BehaviorSubject, distinctUntilChanged, filter, map, type Observable } from 'rxjs';
import type { Logger, SavedObjectsClientContract } from '../../../core/server';
import { decideConsent, mayLeave, type ConsentReason, type OptInLevel, type TelemetryLevel } from '../common/consent';
import {
  getNotifyUserAboutOptInDefault,
  getTelemetrySendUsageFrom,
  type TelemetryOptIn,
  type TelemetrySavedObject,
  type TelemetrySendUsageFrom,
} from '../common/telemetry_config';
import type { TelemetryEnvironment } from './environment';
import { getTelemetrySavedObjectWithVersion, type TelemetrySavedObjectWithVersion } from './telemetry_repository';

/** The config keys the opt-in decision reads. */
export interface OptInConfigInputs {
  optIn?: boolean;
  /** `telemetry.level`: the level of a config opt-in; `full` when not set. */
  level?: OptInLevel;
  allowChangingOptInStatus: boolean;
  sendUsageFrom: TelemetrySendUsageFrom;
  /** `telemetry.generateOnly`: the server keeps every report, so no browser may send one (`sendUsageFrom` reads `server`). */
  generateOnly?: boolean;
}

/** The effective opt-in state of the deployment. */
export interface OptInState {
  /** `true` opted in, `false` opted out, `null` nobody decided yet. Only `true` lets anything be sent. */
  optIn: TelemetryOptIn;
  /** How much may leave (`off` unless opted in): the consent decision's level. */
  level: TelemetryLevel;
  /** Why (see `common/consent`). */
  reason: ConsentReason;
  /** Whether the opt-in route may change the choice. */
  allowChangingOptInStatus: boolean;
  /** What stops changes, when they are not allowed. */
  lockedBy?: 'environment' | 'config' | 'saved_object';
  sendUsageFrom: TelemetrySendUsageFrom;
  /** Whether the browser should show the "opted in by default" notice. */
  notifyUserAboutOptInDefault: boolean;
}

export interface OptInStateInputs {
  config: OptInConfigInputs;
  environment: TelemetryEnvironment;
  currentVersion: string;
}

/**
 * The opt-in state for a saved object: the consent decision (`common/consent`, the only place that decides)
 * in the shape the routes and the browser read. Pure.
 */
export function computeOptInState(telemetrySavedObject: TelemetrySavedObject, { config, environment, currentVersion }: OptInStateInputs): OptInState {
  const sendUsageFrom = config.generateOnly ? 'server' : getTelemetrySendUsageFrom({ telemetrySavedObject, configTelemetrySendUsageFrom: config.sendUsageFrom });
  const decision = decideConsent({ config, environment, stored: telemetrySavedObject, currentVersion });
  // An unreadable state is not a decision, but it must read as "opted out" everywhere (nothing is sent).
  const optIn: TelemetryOptIn = mayLeave(decision) ? true : decision.decided || decision.reason === 'unreadable' ? false : null;
  const allowChangingOptInStatus = !decision.locked;
  return {
    optIn,
    level: decision.level,
    reason: decision.reason,
    allowChangingOptInStatus,
    ...(decision.lockedBy ? { lockedBy: decision.lockedBy } : {}),
    sendUsageFrom,
    notifyUserAboutOptInDefault: getNotifyUserAboutOptInDefault({
      allowChangingOptInStatus,
      telemetrySavedObject,
      telemetryOptedIn: optIn,
      configTelemetryOptIn: config.optIn ?? null,
    }),
  };
}

/** A reading of the saved object with the state it gives. */
export interface OptInReading {
  state: OptInState;
  savedObject: TelemetrySavedObjectWithVersion;
}

/** Follows the opt-in state of the deployment. */
export interface OptInService {
  /** The state for a saved object read by the caller (e.g. with a request's client). */
  compute(savedObject: TelemetrySavedObject): OptInState;
  /** Reads the saved object (with `client`, or the server's own), updates `isOptedIn$`, returns both. Rejects on read errors. */
  refresh(client?: Pick<SavedObjectsClientContract, 'get'>): Promise<OptInReading>;
  /** True only when opted in; false for opted out, undecided, and when the state cannot be read (logged). */
  getIsOptedIn(): Promise<boolean>;
  /** Whether opted in, from the first reading on; emits on each change (this server's, or another's seen by polling). */
  readonly isOptedIn$: Observable<boolean>;
  /** The opt-in value itself (`null` undecided), emitted on each change: what the report's `opt_in_status` shows. */
  readonly optInStatus$: Observable<TelemetryOptIn>;
  /** First reading and polling (every `pollIntervalMs`). */
  start(): void;
  stop(): void;
}

export interface OptInServiceOptions extends OptInStateInputs {
  logger: Logger;
  /** The server's own saved-objects client; undefined before start. */
  getInternalClient: () => Pick<SavedObjectsClientContract, 'get'> | undefined;
  pollIntervalMs: number;
}

export function createOptInService(options: OptInServiceOptions): OptInService {
  const { logger, getInternalClient, pollIntervalMs } = options;
  const status$ = new BehaviorSubject<TelemetryOptIn | undefined>(undefined);
  let poll: NodeJS.Timeout | undefined;

  const compute = (savedObject: TelemetrySavedObject) => computeOptInState(savedObject, options);

  async function refresh(client = getInternalClient()): Promise<OptInReading> {
    if (!client) throw new Error('The telemetry opt-in state cannot be read before the server has started.');
    const savedObject = await getTelemetrySavedObjectWithVersion(client);
    const state = compute(savedObject ? savedObject.attributes : savedObject);
    status$.next(state.optIn);
    return { state, savedObject };
  }

  // Polling failures are logged at debug: a broken store is reported by everything else that uses it.
  const refreshInBackground = () => {
    refresh().catch((error) => logger.debug(`Could not read the telemetry opt-in state: ${(error as Error).message}`));
  };

  return {
    compute,
    refresh,
    async getIsOptedIn() {
      try {
        return (await refresh()).state.optIn === true;
      } catch (error) {
        logger.warn(`Could not read the telemetry opt-in state, treating it as opted out: ${(error as Error).message}`);
        return false;
      }
    },
    isOptedIn$: status$.pipe(
      filter((value): value is TelemetryOptIn => value !== undefined),
      map((value) => value === true),
      distinctUntilChanged()
    ),
    optInStatus$: status$.pipe(
      filter((value): value is TelemetryOptIn => value !== undefined),
      distinctUntilChanged()
    ),
    start() {
      refreshInBackground();
      poll = setInterval(refreshInBackground, pollIntervalMs);
      poll.unref();
    },
    stop() {
      if (poll) clearInterval(poll);
      status$.complete();
    },
  };
}
