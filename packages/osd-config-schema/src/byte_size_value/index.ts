export type ByteSizeValueUnit = 'b' | 'kb' | 'mb' | 'gb';

const UNIT_MULTIPLIERS: Record<ByteSizeValueUnit, number> = {
  b: 1,
  kb: 1024,
  mb: 1024 * 1024,
  gb: 1024 * 1024 * 1024,
};

const UNITS_ASCENDING: ByteSizeValueUnit[] = ['b', 'kb', 'mb', 'gb'];

// `<count><unit>`, e.g. `512kb`. Anchored on purpose: `1.5mb` must not be read as `5mb`.
const BYTE_SIZE_FORMAT = /^(0|[1-9][0-9]*)(b|kb|mb|gb)$/;

function formatWithUnit(value: number, unit: ByteSizeValueUnit) {
  // At most two decimals, without trailing zeros.
  return `${Number(value.toFixed(2))}${unit}`;
}

/**
 * An amount of bytes, as produced by `schema.byteSize()`.
 */
export class ByteSizeValue {
  /**
   * Parses `<count>[b|kb|mb|gb]` (e.g. `'1024kb'`, `'200mb'`) or a plain number of bytes (`'1024'`).
   */
  public static parse(text: string): ByteSizeValue {
    const match = BYTE_SIZE_FORMAT.exec(text);
    if (match) {
      const count = parseInt(match[1], 10);
      const unit = match[2] as ByteSizeValueUnit;
      return new ByteSizeValue(count * UNIT_MULTIPLIERS[unit]);
    }

    const asNumber = Number(text);
    if (text.trim() === '' || isNaN(asNumber)) {
      throw new Error(
        'Failed to parse value as byte value. Value must be either number of bytes, or follow the format ' +
          `<count>[b|kb|mb|gb] (e.g., '1024kb', '200mb', '1gb'), where the number is a safe positive integer.`
      );
    }

    return new ByteSizeValue(asNumber);
  }

  constructor(private readonly valueInBytes: number) {
    if (!Number.isSafeInteger(valueInBytes) || valueInBytes < 0) {
      throw new Error('Value in bytes is expected to be a safe positive integer.');
    }
  }

  public isGreaterThan(other: ByteSizeValue): boolean {
    return this.valueInBytes > other.valueInBytes;
  }

  public isLessThan(other: ByteSizeValue): boolean {
    return this.valueInBytes < other.valueInBytes;
  }

  public isEqualTo(other: ByteSizeValue): boolean {
    return this.valueInBytes === other.valueInBytes;
  }

  public getValueInBytes(): number {
    return this.valueInBytes;
  }

  /**
   * Renders the value with the given unit, or with the largest unit keeping the value >= 1
   * (`1536` -> `'1.5kb'`).
   */
  public toString(returnUnit?: ByteSizeValueUnit): string {
    let value = this.valueInBytes;
    for (const unit of UNITS_ASCENDING) {
      const isLastUnit = unit === UNITS_ASCENDING[UNITS_ASCENDING.length - 1];
      if (unit === returnUnit || (returnUnit === undefined && value < 1024) || isLastUnit) {
        return formatWithUnit(value, unit);
      }
      value = value / 1024;
    }
    /* istanbul ignore next: the loop always returns on the last unit */
    return formatWithUnit(value, 'gb');
  }
}

export const bytes = (value: number) => new ByteSizeValue(value);
export const kb = (value: number) => bytes(value * 1024);
export const mb = (value: number) => kb(value * 1024);
export const gb = (value: number) => mb(value * 1024);
export const tb = (value: number) => gb(value * 1024);

export function ensureByteSizeValue(value: ByteSizeValue | string | number): ByteSizeValue;
export function ensureByteSizeValue(value?: ByteSizeValue | string | number): ByteSizeValue | undefined;
export function ensureByteSizeValue(value?: ByteSizeValue | string | number) {
  if (typeof value === 'string') {
    return ByteSizeValue.parse(value);
  }

  if (typeof value === 'number') {
    return new ByteSizeValue(value);
  }

  return value;
}
