import { MAX_JSON_BODY_DEPTH, scanJson } from '../../utils/json_depth';

/**
 * What `readJsonBody` found: the value; a body nested too deep (and otherwise fine); or `fallback` when
 * the body is empty, not JSON, or carries a prototype key, which Fastify's own parser then refuses with
 * its exact error.
 */
export type JsonBodyResult = { kind: 'ok'; value: unknown } | { kind: 'tooDeep' } | { kind: 'fallback' };

const TOO_DEEP: JsonBodyResult = { kind: 'tooDeep' };
const FALLBACK: JsonBodyResult = { kind: 'fallback' };

/**
 * Parses a JSON body with the platform's rules: those of Fastify's parser (secure-json-parse: a leading
 * byte order mark is skipped; a `__proto__` key, or a `constructor` key holding an object with its own
 * `prototype`, is refused) and the nesting limit. secure-json-parse scans the text with two regular
 * expressions and then, if either matches, walks the value; the router then walks it again for depth.
 * Here one walk does both, which on a report-sized body costs less than the two scans alone.
 */
export function readJsonBody(text: string, maxDepth = MAX_JSON_BODY_DEPTH): JsonBodyResult {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (json.length === 0) return FALLBACK;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return FALLBACK;
  }
  const problem = scanJson(value, maxDepth, true);
  return problem === undefined ? { kind: 'ok', value } : problem === 'tooDeep' ? TOO_DEEP : FALLBACK;
}
