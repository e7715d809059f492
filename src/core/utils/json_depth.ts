/**
 * How deep a JSON request body may nest. Real bodies (saved-object attributes, settings, reports) stay far
 * below it; thousands of levels only serve to make recursive code (schema validation, merging) overflow
 * its stack, which would surface as a 500 instead of a 400.
 */
export const MAX_JSON_BODY_DEPTH = 100;

const hasOwn = Object.prototype.hasOwnProperty;

/** What `scanJson` found; `undefined` when nothing. */
export type JsonScanProblem = 'tooDeep' | 'prototypeKey';

/**
 * True when a parsed JSON value holds objects or arrays more than `maxDepth` levels inside each other
 * (the value itself is level 1). Checked after parsing because V8's `JSON.parse` is iterative and takes any
 * depth, and a walk over the parsed containers costs a fraction of a scan over the text. Iterative too, so
 * no stack to blow; it stops at the first container past the limit.
 */
export function exceedsJsonDepth(value: unknown, maxDepth = MAX_JSON_BODY_DEPTH): boolean {
  return scanJson(value, maxDepth, false) === 'tooDeep';
}

/**
 * The one walk over a parsed JSON value. With `findPrototypeKeys`, it also looks for what
 * secure-json-parse refuses (a `__proto__` key, or a `constructor` key holding an object with its own
 * `prototype`) and reports that first, so it walks on past the depth limit; without, it stops there.
 */
export function scanJson(value: unknown, maxDepth: number, findPrototypeKeys: boolean): JsonScanProblem | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const containers: object[] = [value];
  const depths: number[] = [1];
  let tooDeep = false;
  while (containers.length > 0) {
    const node = containers.pop() as Record<string, unknown> | unknown[];
    const depth = depths.pop()!;
    if (depth > maxDepth) {
      if (!findPrototypeKeys) return 'tooDeep';
      tooDeep = true;
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child = node[i];
        if (typeof child === 'object' && child !== null) {
          containers.push(child);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    for (const key in node) {
      if (findPrototypeKeys && key === '__proto__') return 'prototypeKey';
      const child = node[key];
      if (typeof child === 'object' && child !== null) {
        if (findPrototypeKeys && key === 'constructor' && hasOwn.call(child, 'prototype')) return 'prototypeKey';
        containers.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return tooDeep ? 'tooDeep' : undefined;
}

/** The 400 message for a body over the limit. */
export const jsonDepthMessage = (maxDepth = MAX_JSON_BODY_DEPTH) =>
  `Request body JSON is nested deeper than ${maxDepth} levels`;
