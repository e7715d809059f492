/**
 * Returns a short, human readable name of the type of `value`, used in error messages such as
 * `expected value of type [string] but got [Array]`.
 *
 * Primitives are reported with their `typeof` name (`undefined`, `number`, `string`, ...), `null`
 * as `null`, and objects by their built-in tag (`Array`, `RegExp`, `Map`, `Object`, ...).
 */
export function typeDetect(value: unknown): string {
  if (value === null) {
    return 'null';
  }

  const primitiveType = typeof value;
  if (primitiveType !== 'object') {
    return primitiveType;
  }

  if (Array.isArray(value)) {
    return 'Array';
  }

  return Object.prototype.toString.call(value).slice('[object '.length, -1);
}

/**
 * `true` for objects created by an object literal, `Object.create(null)` or `new Object()`.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') {
    return false;
  }

  if (Object.prototype.toString.call(value) !== '[object Object]') {
    return false;
  }

  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
}
