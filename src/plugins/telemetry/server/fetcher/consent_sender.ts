/*
 * The server sender in use follows the consent: while nothing may leave it is a null sender, which has no
 * way to send, and the real one (`createFetcherTask`) exists only while the deployment is opted in. The
 * choice is the shared rule `senderKindFor` (common/sender), fed by the opt-in state the server computes
 * with `decideConsent`.
 */
import { map, type Observable, type Subscription } from 'rxjs';
import type { Logger } from '../../../../core/server';
import { senderKindFor, type SenderKind } from '../../common/sender';
import type { OptInService } from '../opt_in_state';
import type { FetcherTask, ManualSendResult } from './fetcher_task';

/** A sender that never sends: no timer, no report built, no request. */
export interface NullSender extends FetcherTask {
  readonly kind: 'null';
}

/** The sender in use while consent is off: checks do nothing and "send now" says not opted in. */
export function createNullSender({ checkIntervalMs }: { checkIntervalMs: number }): NullSender {
  return Object.freeze({
    kind: 'null' as const,
    start() {},
    async stop() {},
    async runCheck() {
      return checkIntervalMs;
    },
    async sendNow(): Promise<ManualSendResult> {
      return { outcome: 'not_opted_in' };
    },
  });
}

export interface ConsentSenderOptions {
  logger: Logger;
  /** `isOptedIn$` drives the choice; `refresh` brings it up to date before an admin's "send now". */
  optIn: Pick<OptInService, 'isOptedIn$' | 'refresh'>;
  /** Makes a real sender; called each time consent turns on (a stopped one is never restarted). */
  createReal: () => FetcherTask;
  nullSender: NullSender;
}

/** The server sender: delegates to the sender in use; `kind()` says which one that is. */
export interface ConsentSender extends FetcherTask {
  kind(): SenderKind;
}

export function createConsentSender({ logger, optIn, createReal, nullSender }: ConsentSenderOptions): ConsentSender {
  let current: FetcherTask = nullSender;
  let currentKind: SenderKind = 'null';
  let subscription: Subscription | undefined;
  let stopped = false;
  // Real senders being stopped (an opt-out): awaited by stop(), so none outlives the server.
  const stopping = new Set<Promise<void>>();

  function use(kind: SenderKind) {
    if (stopped || kind === currentKind) return;
    const previous = current;
    current = kind === 'real' ? createReal() : nullSender;
    currentKind = kind;
    logger.debug(kind === 'real' ? 'Telemetry consent allows reports: the sender runs.' : 'Telemetry consent is off: the null sender is in use.');
    const ended = previous.stop().catch((error) => logger.warn(`The telemetry sender did not stop cleanly: ${(error as Error).message}`));
    stopping.add(ended);
    void ended.finally(() => stopping.delete(ended));
    current.start();
  }

  const kinds$: Observable<SenderKind> = optIn.isOptedIn$.pipe(map((optedIn) => senderKindFor({ optIn: optedIn })));

  return {
    kind: () => currentKind,
    start() {
      if (subscription || stopped) return;
      subscription = kinds$.subscribe(use);
    },
    runCheck: () => current.runCheck(),
    async sendNow() {
      // The state as the store has it now (another server may have changed it since the last poll): reading it
      // updates `isOptedIn$`, which picks the sender before this one is asked.
      await optIn.refresh();
      return current.sendNow();
    },
    async stop() {
      stopped = true;
      subscription?.unsubscribe();
      await Promise.all([current.stop(), ...stopping]);
      current = nullSender;
      currentKind = 'null';
    },
  };
}
