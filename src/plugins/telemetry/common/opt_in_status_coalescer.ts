/*
 * Opt-in status announcements, coalesced and rate limited. The server (`server/fetcher/opt_in_status_sender.ts`)
 * and the browser (`public/services/telemetry_service.ts`, browser-sender mode) both go through this: the
 * pure `planOptInStatusSend` is the policy, `createOptInStatusCoalescer` only keeps its state and timer.
 */

export interface OptInStatusPlanInput {
  now: number;
  /** When this sender last sent an opt-in status (ms on the same clock as `now`). */
  lastSentAt?: number;
  /**
   * The latest change not acted on yet: `true` an opt-in (to announce), `false` an opt-out. An opt-out is
   * never announced (nothing leaves after an opt-out); as the latest change it cancels an earlier opt-in.
   */
  pending?: boolean;
  /** At most one announcement per this interval. */
  minIntervalMs: number;
}

export type OptInStatusPlan = { action: 'none' } | { action: 'send' } | { action: 'wait'; inMs: number };

/**
 * What to do with the latest opt-in change. Pure. The last change wins; an opt-in is sent at once when
 * nothing was sent within `minIntervalMs`, otherwise when that interval has passed.
 */
export function planOptInStatusSend({ now, lastSentAt, pending, minIntervalMs }: OptInStatusPlanInput): OptInStatusPlan {
  if (pending !== true) return { action: 'none' };
  if (lastSentAt === undefined) return { action: 'send' };
  // A clock that went back counts as "just sent": the wait stays bounded by one interval.
  const sinceMs = now >= lastSentAt ? now - lastSentAt : 0;
  return sinceMs >= minIntervalMs ? { action: 'send' } : { action: 'wait', inMs: minIntervalMs - sinceMs };
}

/** An opt-in change seen by a sender: an opt-in carries what to announce. */
export type OptInStatusChange<P> = { optedIn: true; payload: P } | { optedIn: false };

export interface OptInStatusCoalescerOptions<P> {
  minIntervalMs: number;
  /**
   * Sends one announcement; rejections are ignored (the caller logs). `delayed` is true when the change is
   * older than this send (it waited for the interval): the caller must check the opt-in state again first.
   */
  send(payload: P, info: { delayed: boolean }): Promise<void>;
  /** A monotonic clock in ms (default `performance.now`). */
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface OptInStatusCoalescer<P> {
  /**
   * Records the latest change and sends, now or once the interval has passed, as the plan says. Resolves
   * when a send this call started has ended (at once when it started none); never rejects.
   */
  notify(change: OptInStatusChange<P>): Promise<void>;
  /** Drops what is pending (not sent: a stopping server or a closed tab does not wait a minute) and waits for sends in flight. */
  stop(): Promise<void>;
}

export function createOptInStatusCoalescer<P>(options: OptInStatusCoalescerOptions<P>): OptInStatusCoalescer<P> {
  const { minIntervalMs, send } = options;
  const now = options.now ?? (() => performance.now());
  const setTimer = options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let lastSentAt: number | undefined;
  let pending: OptInStatusChange<P> | undefined;
  let timer: unknown;
  let stopped = false;
  const inFlight = new Set<Promise<void>>();

  const cancelTimer = () => {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
  };

  function flush(delayed: boolean): Promise<void> | undefined {
    if (stopped) return;
    const plan = planOptInStatusSend({ now: now(), lastSentAt, pending: pending?.optedIn, minIntervalMs });
    if (plan.action === 'none') {
      pending = undefined;
      cancelTimer();
      return;
    }
    if (plan.action === 'wait') {
      // One timer per window: later changes only replace what it will send.
      if (timer === undefined) {
        timer = setTimer(() => {
          timer = undefined;
          flush(true);
        }, plan.inMs);
      }
      return;
    }
    const change = pending as { optedIn: true; payload: P };
    pending = undefined;
    cancelTimer();
    lastSentAt = now();
    const promise: Promise<void> = send(change.payload, { delayed })
      .catch(() => undefined)
      .finally(() => inFlight.delete(promise));
    inFlight.add(promise);
    return promise;
  }

  return {
    async notify(change) {
      if (stopped) return;
      pending = change;
      await flush(false);
    },
    async stop() {
      stopped = true;
      pending = undefined;
      cancelTimer();
      await Promise.all(inFlight);
    },
  };
}
