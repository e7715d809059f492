import { schema } from '@osd/config-schema';

/**
 * The longest delay Node's timers honour: `setTimeout`/`setInterval` store it as a signed 32-bit number and
 * fire after 1 ms (with a warning) when given more, so a duration that drives a timer must not exceed it.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A duration that ends up in a Node timer: at least `min` (so `0` or a unit slip like `interval: 5` cannot
 * make a busy loop or an instant timeout) and at most `MAX_TIMER_MS`.
 */
export function timerDuration(options: { defaultValue: string | number; min: string | number }): ReturnType<typeof schema.duration> {
  return schema.duration({ defaultValue: options.defaultValue, min: options.min, max: MAX_TIMER_MS });
}
