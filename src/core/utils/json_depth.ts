/**
 * How deep a JSON request body may nest. Real bodies (saved-object attributes, settings, reports) stay far
 * below it; thousands of levels only serve to make recursive code (schema validation, merging) overflow
 * its stack, which would surface as a 500 instead of a 400.
 */
export const MAX_JSON_BODY_DEPTH = 100;

/**
 * True when a parsed JSON value holds objects or arrays more than `maxDepth` levels inside each other
 * (the value itself is level 1). Checked after parsing because V8's `JSON.parse` is iterative and takes any
 * depth, and a walk over the parsed containers costs a fraction of a scan over the text. Iterative too, so
 * no stack to blow; it stops at the first container past the limit.
 */
export function exceedsJsonDepth(value: unknown, maxDepth = MAX_JSON_BODY_DEPTH): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const containers: object[] = [value];
  const depths: number[] = [1];
  while (containers.length > 0) {
    const node = containers.pop() as Record<string, unknown> | unknown[];
    const depth = depths.pop()!;
    if (depth > maxDepth) return true;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child = node[i];
        if (typeof child === 'object' && child !== null) {
          containers.push(child);
          depths.push(depth + 1);
        }
      }
    } else {
      for (const key in node) {
        const child = node[key];
        if (typeof child === 'object' && child !== null) {
          containers.push(child);
          depths.push(depth + 1);
        }
      }
    }
  }
  return false;
}

/** The 400 message for a body over the limit. */
export const jsonDepthMessage = (maxDepth = MAX_JSON_BODY_DEPTH) =>
  `Request body JSON is nested deeper than ${maxDepth} levels`;
