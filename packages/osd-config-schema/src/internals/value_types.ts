import Joi from 'joi';
import type { CustomHelpers, Extension } from 'joi';
import { isDuration } from 'moment';
import { Stream } from 'stream';
import { ByteSizeValue, ensureByteSizeValue } from '../byte_size_value';
import { Duration, ensureDuration } from '../duration';

type ByteSizeLimit = ByteSizeValue | string | number;

function byteSizeLimitRule(name: 'min' | 'max') {
  return {
    method(this: any, limit: ByteSizeLimit) {
      return this.$_addRule({ name, args: { limit: ensureByteSizeValue(limit) } });
    },
    validate(value: ByteSizeValue, helpers: CustomHelpers, args: { limit: ByteSizeValue }) {
      const fails = name === 'min' ? value.isLessThan(args.limit) : value.isGreaterThan(args.limit);
      return fails ? helpers.error(`bytes.${name}`, { limit: args.limit }) : value;
    },
  };
}

/**
 * `bytes`: accepts a `ByteSizeValue`, a number of bytes or a string like `'512kb'`,
 * and produces a `ByteSizeValue`.
 */
export const bytesExtension: Extension = {
  type: 'bytes',
  base: Joi.any(),
  messages: {
    'bytes.base': '{{#label}} must be a valid byte size',
    'bytes.parse': '{{#label}} {{#message}}',
    'bytes.min': '{{#label}} must be equal to or greater than {{#limit}}',
    'bytes.max': '{{#label}} must be equal to or less than {{#limit}}',
  },
  coerce(value: unknown, helpers: CustomHelpers): any {
    if (typeof value !== 'string' && typeof value !== 'number') {
      return undefined;
    }
    try {
      return { value: ensureByteSizeValue(value) };
    } catch (e: any) {
      return { value, errors: [helpers.error('bytes.parse', { message: e.message })] };
    }
  },
  validate(value: unknown, helpers: CustomHelpers) {
    if (!(value instanceof ByteSizeValue)) {
      return { value, errors: helpers.error('bytes.base') };
    }
    return undefined;
  },
  rules: {
    min: byteSizeLimitRule('min'),
    max: byteSizeLimitRule('max'),
  },
};

type DurationLimit = Duration | string | number;

function durationLimitRule(name: 'min' | 'max') {
  return {
    method(this: any, limit: DurationLimit) {
      return this.$_addRule({ name, args: { limit: ensureDuration(limit) } });
    },
    validate(value: Duration, helpers: CustomHelpers, args: { limit: Duration }) {
      const ms = value.asMilliseconds();
      const limitMs = args.limit.asMilliseconds();
      const fails = name === 'min' ? ms < limitMs : ms > limitMs;
      return fails ? helpers.error(`duration.${name}`, { limit: args.limit }) : value;
    },
  };
}

/**
 * `duration`: accepts a `moment.Duration`, a number of milliseconds or a string like `'5m'`,
 * and produces a `moment.Duration`.
 */
export const durationExtension: Extension = {
  type: 'duration',
  base: Joi.any(),
  messages: {
    'duration.base': '{{#label}} must be a valid duration',
    'duration.parse': '{{#label}} {{#message}}',
    'duration.min': '{{#label}} must be equal to or greater than {{#limit}}',
    'duration.max': '{{#label}} must be equal to or less than {{#limit}}',
  },
  coerce(value: unknown, helpers: CustomHelpers): any {
    if (typeof value !== 'string' && typeof value !== 'number') {
      return undefined;
    }
    try {
      return { value: ensureDuration(value) };
    } catch (e: any) {
      return { value, errors: [helpers.error('duration.parse', { message: e.message })] };
    }
  },
  validate(value: unknown, helpers: CustomHelpers) {
    if (!isDuration(value)) {
      return { value, errors: helpers.error('duration.base') };
    }
    return undefined;
  },
  rules: {
    min: durationLimitRule('min'),
    max: durationLimitRule('max'),
  },
};

/**
 * `stream`: accepts any Node.js `Stream` instance.
 */
export const streamExtension: Extension = {
  type: 'stream',
  base: Joi.any(),
  messages: {
    'stream.base': '{{#label}} must be a stream',
  },
  validate(value: unknown, helpers: CustomHelpers) {
    if (!(value instanceof Stream)) {
      return { value, errors: helpers.error('stream.base') };
    }
    return undefined;
  },
};
