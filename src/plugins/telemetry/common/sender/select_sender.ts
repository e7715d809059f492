/*
 * Which sender is in use, for the server and the browser alike: while the consent says nothing may leave,
 * it is a null sender (one that has no way to send), not the real one told to hold back.
 */
import type { TelemetryLevel } from '../consent';

export type SenderKind = 'real' | 'null';

/** The part of the state (server `OptInState`, browser `TelemetryBrowserState`) the choice reads. */
export interface SenderSelectionState {
  /** `true` opted in; `false` opted out; `null` undecided. */
  optIn: boolean | null;
  /** The decided level (`decideConsent`); absent in older answers, where an opt-in meant `full`. */
  level?: TelemetryLevel;
}

/** `real` only when opted in at a level that lets something leave; `null` otherwise. Pure. */
export function senderKindFor({ optIn, level }: SenderSelectionState): SenderKind {
  return optIn === true && level !== 'off' ? 'real' : 'null';
}
