import { Duration } from 'moment';
import { ensureDuration, formatDuration } from '../duration';
import { SchemaTypeError } from '../errors';
import { internals } from '../internals';
import { Reference } from '../references';
import { typeDetect } from '../utils/type_detect';
import { Type } from './type';

type DurationValueType = Duration | string | number;

export interface DurationOptions {
  validate?: (value: Duration) => string | void;
  /**
   * A `moment.Duration`, a number of milliseconds, a string like `'30s'`, a function returning
   * one of those, or a reference.
   */
  defaultValue?: DurationValueType | Reference<DurationValueType> | (() => DurationValueType);
  /** The shortest accepted duration (inclusive), in any of the accepted forms. */
  min?: DurationValueType;
  /** The longest accepted duration (inclusive), in any of the accepted forms. */
  max?: DurationValueType;
}

/**
 * A duration: a number of milliseconds (`1000`, `'1000'`) or `<count>[ms|s|m|h|d|w|M|Y]`
 * (`'5m'`, `'12h'`), validated as a `moment.Duration`.
 */
export class DurationType extends Type<Duration> {
  constructor(options: DurationOptions = {}) {
    // Default values are not converted by the validation, so convert them upfront.
    const { defaultValue } = options;
    let convertedDefault: Duration | Reference<Duration> | (() => Duration) | undefined;
    if (typeof defaultValue === 'function') {
      convertedDefault = () => ensureDuration(defaultValue());
    } else if (typeof defaultValue === 'string' || typeof defaultValue === 'number') {
      convertedDefault = ensureDuration(defaultValue);
    } else {
      convertedDefault = defaultValue as Duration | Reference<Duration> | undefined;
    }

    let schema = internals.duration();
    if (options.min !== undefined) {
      schema = schema.min(options.min);
    }
    if (options.max !== undefined) {
      schema = schema.max(options.max);
    }

    super(schema, { validate: options.validate, defaultValue: convertedDefault });
  }

  protected handleError(
    type: string,
    { limit, message, value }: Record<string, any>,
    path: Array<string | number>
  ) {
    switch (type) {
      case 'any.required':
      case 'duration.base':
        return `expected value of type [moment.Duration] but got [${typeDetect(value)}]`;
      case 'duration.parse':
        return new SchemaTypeError(message, path);
      case 'duration.min':
        return `Value must be equal to or greater than [${formatDuration(limit)}]`;
      case 'duration.max':
        return `Value must be equal to or less than [${formatDuration(limit)}]`;
    }
  }
}
