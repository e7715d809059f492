import Joi from 'joi';
import type { AnySchema, CustomHelpers, Extension } from 'joi';
import { isPlainObject } from '../utils/type_detect';

/**
 * Flag set on object schemas created with `unknowns: 'ignore'`: unknown keys are dropped
 * before the keys are validated. Joi's own `stripUnknown` preference would also apply to
 * every nested object, while `unknowns` must only affect the object it is given to.
 */
export const IGNORE_UNKNOWNS_FLAG = 'osdIgnoreUnknowns';

type JsonParseResult = { ok: true; value: unknown } | { ok: false };

function parseJson(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function dropUnknownKeys(value: Record<string, unknown>, schema: any) {
  const knownKeys = new Set<string>(
    ((schema.$_terms.keys as Array<{ key: string }> | null) ?? []).map(({ key }) => key)
  );
  return Object.fromEntries(Object.entries(value).filter(([key]) => knownKeys.has(key)));
}

/**
 * `object`: plain objects only (no class instances, no arrays); a string is parsed as JSON.
 */
export const objectExtension: Extension = {
  type: 'object',
  base: Joi.object(),
  messages: {
    'object.parse': '{{#label}} could not be parsed as JSON',
  },
  coerce(value: unknown, helpers: CustomHelpers): any {
    let candidate = value;
    if (typeof value === 'string') {
      const parsed = parseJson(value);
      if (!parsed.ok) {
        return { value, errors: [helpers.error('object.parse')] };
      }
      candidate = parsed.value;
    }

    if (!isPlainObject(candidate)) {
      return { value, errors: [helpers.error('object.base', { value: candidate })] };
    }

    if ((helpers.schema as any)._flags[IGNORE_UNKNOWNS_FLAG]) {
      candidate = dropUnknownKeys(candidate, helpers.schema);
    }

    return { value: candidate };
  },
};

/**
 * `array`: arrays only; a string is parsed as a JSON array.
 */
export const arrayExtension: Extension = {
  type: 'array',
  base: Joi.array(),
  messages: {
    'array.parse': '{{#label}} could not be parsed as JSON',
  },
  coerce(value: unknown, helpers: CustomHelpers): any {
    if (Array.isArray(value)) {
      return undefined;
    }

    if (typeof value === 'string') {
      const parsed = parseJson(value);
      if (!parsed.ok) {
        return { value, errors: [helpers.error('array.parse')] };
      }
      if (Array.isArray(parsed.value)) {
        return { value: parsed.value };
      }
      return { value, errors: [helpers.error('array.base', { value: parsed.value })] };
    }

    return { value, errors: [helpers.error('array.base')] };
  },
};

/**
 * Validates `value` against a nested schema, at `path`, so that errors carry their full path and
 * references/context keep working.
 */
function validateNested(
  schema: AnySchema,
  value: unknown,
  helpers: CustomHelpers,
  path: Array<string | number>,
  parent: unknown
) {
  const { state, prefs } = helpers as any;
  const localState = state.localize(path, [parent, ...state.ancestors], schema);
  return (schema as any).$_validate(value, localState, prefs) as { value: any; errors?: any[] };
}

function entriesMethod(this: any, keySchema: AnySchema, valueSchema: AnySchema) {
  const obj = this.clone();
  obj.$_terms.osdEntries = [keySchema, valueSchema];
  return obj;
}

/**
 * Validates every entry of a map-like value. The path of a failing key is `key("<key>")`, the
 * path of a failing value is the key itself, as upstream.
 */
function validateEntries(
  entries: Iterable<[unknown, unknown]>,
  container: unknown,
  helpers: CustomHelpers,
  store: (key: any, value: any) => void
) {
  const [keySchema, valueSchema] = (helpers.schema as any).$_terms.osdEntries as AnySchema[];
  const path: Array<string | number> = (helpers as any).state.path;
  for (const [entryKey, entryValue] of entries) {
    const keyPath = [...path, `key("${entryKey}")`];
    const keyResult = validateNested(keySchema, entryKey, helpers, keyPath, container);
    if (keyResult.errors) {
      return keyResult.errors;
    }

    const valuePath = [...path, String(entryKey)];
    const valueResult = validateNested(valueSchema, entryValue, helpers, valuePath, container);
    if (valueResult.errors) {
      return valueResult.errors;
    }

    store(keyResult.value, valueResult.value);
  }
  return undefined;
}

/**
 * `map`: a `Map`, or a plain object / JSON string converted to a `Map`, with typed entries.
 */
export const mapExtension: Extension = {
  type: 'map',
  base: Joi.any(),
  terms: { osdEntries: { init: [] } },
  messages: {
    'map.base': '{{#label}} must be a Map or a plain object',
    'map.parse': '{{#label}} could not be parsed as JSON',
  },
  coerce(value: unknown, helpers: CustomHelpers): any {
    if (isPlainObject(value)) {
      return { value: new Map(Object.entries(value)) };
    }
    if (typeof value === 'string') {
      const parsed = parseJson(value);
      if (!parsed.ok) {
        return { value, errors: [helpers.error('map.parse')] };
      }
      if (isPlainObject(parsed.value)) {
        return { value: new Map(Object.entries(parsed.value)) };
      }
      return { value, errors: [helpers.error('map.base', { value: parsed.value })] };
    }
    return undefined;
  },
  validate(value: unknown, helpers: CustomHelpers) {
    if (!(value instanceof Map)) {
      return { value, errors: helpers.error('map.base') };
    }
    const result = new Map();
    const errors = validateEntries(value, value, helpers, (k, v) => result.set(k, v));
    return errors ? { value, errors } : { value: result };
  },
  rules: {
    entries: { method: entriesMethod },
  },
};

/**
 * `record`: a plain object (or a JSON string of one) with typed keys and values.
 */
export const recordExtension: Extension = {
  type: 'record',
  base: Joi.any(),
  terms: { osdEntries: { init: [] } },
  messages: {
    'record.base': '{{#label}} must be a plain object',
    'record.parse': '{{#label}} could not be parsed as JSON',
  },
  coerce(value: unknown, helpers: CustomHelpers): any {
    if (isPlainObject(value)) {
      return undefined;
    }
    if (typeof value === 'string') {
      const parsed = parseJson(value);
      if (!parsed.ok) {
        return { value, errors: [helpers.error('record.parse')] };
      }
      if (isPlainObject(parsed.value)) {
        return { value: parsed.value };
      }
      return { value, errors: [helpers.error('record.base', { value: parsed.value })] };
    }
    return { value, errors: [helpers.error('record.base')] };
  },
  validate(value: unknown, helpers: CustomHelpers) {
    const source = value as Record<string, unknown>;
    const result: Record<string, unknown> = {};
    const errors = validateEntries(Object.entries(source), source, helpers, (k, v) => {
      result[k] = v;
    });
    return errors ? { value, errors } : { value: result };
  },
  rules: {
    entries: { method: entriesMethod },
  },
};
