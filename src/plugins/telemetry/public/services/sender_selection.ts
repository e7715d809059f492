/*
 * The browser sender in use follows the consent, as the server's does (`server/fetcher/consent_sender.ts`):
 * while nothing may leave it is a null sender, which has no way to send; a real `TelemetrySender` exists
 * only while the state the server computed says opted in. The choice is the shared `senderKindFor`.
 */
import type { Observable, Subscription } from 'rxjs';
import { senderKindFor, type SenderKind } from '../../common/sender';
import type { TelemetryBrowserState } from '../../common/telemetry_state';

/** What the plugin needs of a browser sender (`TelemetrySender` is the real one). */
export interface BrowserSender {
  start(): void;
  stop(): void;
  /** Sends when due; resolves with the delay until the next check. */
  sendIfDue(): Promise<number>;
}

/** The browser's null sender: no timer, no request. */
export const NULL_BROWSER_SENDER: BrowserSender = Object.freeze({
  start() {},
  stop() {},
  // Nothing is ever due; the value is only a delay for a caller that insists on polling.
  sendIfDue: async () => 60000,
});

export interface SenderSelectionOptions {
  state$: Observable<TelemetryBrowserState>;
  /** A new real sender, started by the selection; called each time consent turns on. */
  createReal: () => BrowserSender;
  /** Each change of the choice after the first state (opt-in or opt-out): the shared failures are cleared. */
  onChoiceChange: () => void;
}

export interface SenderSelection {
  kind(): SenderKind;
  current(): BrowserSender;
  stop(): void;
}

export function selectBrowserSender({ state$, createReal, onChoiceChange }: SenderSelectionOptions): SenderSelection {
  let current: BrowserSender = NULL_BROWSER_SENDER;
  let currentKind: SenderKind = 'null';
  let lastOptIn: TelemetryBrowserState['optIn'] | undefined;
  let stopped = false;
  const subscription: Subscription = state$.subscribe((state) => {
    if (stopped) return;
    if (lastOptIn !== undefined && state.optIn !== lastOptIn) onChoiceChange();
    lastOptIn = state.optIn;
    const kind = senderKindFor(state);
    if (kind === currentKind) return;
    current.stop();
    current = kind === 'real' ? createReal() : NULL_BROWSER_SENDER;
    currentKind = kind;
    // A new real sender looks after `initialCheckDelay`: at page start, and after an opt-in made in this tab.
    current.start();
  });
  return {
    kind: () => currentKind,
    current: () => current,
    stop() {
      stopped = true;
      subscription.unsubscribe();
      current.stop();
      current = NULL_BROWSER_SENDER;
      currentKind = 'null';
    },
  };
}
