import { Duration, duration as momentDuration, DurationInputArg2, isDuration } from 'moment';

export { Duration, isDuration };

// `<count><unit>`, e.g. `30s`, `5m`, `12h`, `1000ms`.
const DURATION_FORMAT = /^(0|[1-9][0-9]*)(ms|s|m|h|d|w|M|Y)$/;

function numberToDuration(milliseconds: number): Duration {
  if (!Number.isSafeInteger(milliseconds) || milliseconds < 0) {
    throw new Error('Value in milliseconds is expected to be a safe positive integer.');
  }

  return momentDuration(milliseconds);
}

function stringToDuration(text: string): Duration {
  const match = DURATION_FORMAT.exec(text);
  if (match) {
    const count = parseInt(match[1], 10);
    const unit = match[2] as DurationInputArg2;
    return momentDuration(count, unit);
  }

  const asNumber = Number(text);
  if (text.trim() === '' || isNaN(asNumber)) {
    throw new Error(
      'Failed to parse value as time value. Value must be a duration in milliseconds, or follow the format ' +
        `<count>[ms|s|m|h|d|w|M|Y] (e.g. '70ms', '5s', '3d', '1Y'), where the duration is a safe positive integer.`
    );
  }

  return numberToDuration(asNumber);
}

/**
 * Converts a duration string (`'5m'`) or a number of milliseconds to a `moment.Duration`;
 * anything else is returned unchanged.
 */
export function ensureDuration(value: Duration | string | number): Duration;
export function ensureDuration(value?: Duration | string | number): Duration | undefined;
export function ensureDuration(value?: Duration | string | number) {
  if (typeof value === 'string') {
    return stringToDuration(value);
  }

  if (typeof value === 'number') {
    return numberToDuration(value);
  }

  return value;
}

const UNITS_DESCENDING: Array<[string, number]> = [
  ['d', 24 * 60 * 60 * 1000],
  ['h', 60 * 60 * 1000],
  ['m', 60 * 1000],
  ['s', 1000],
];

/**
 * Renders a duration in the config format, with the largest unit that keeps it a whole number
 * (`100ms`, `30s`, `24d`), so messages read the way operators write the value.
 */
export function formatDuration(value: Duration): string {
  const milliseconds = value.asMilliseconds();
  for (const [unit, size] of UNITS_DESCENDING) {
    if (milliseconds !== 0 && milliseconds % size === 0) {
      return `${milliseconds / size}${unit}`;
    }
  }
  return `${milliseconds}ms`;
}
