/**
 * How deep a JSON request body may nest. Real bodies (saved-object attributes, settings, reports) stay far
 * below it; thousands of levels only serve to make recursive code (schema validation, merging) overflow
 * its stack, which would surface as a 500 instead of a 400.
 */
export const MAX_JSON_BODY_DEPTH = 100;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * True when the JSON text opens more than `maxDepth` objects or arrays inside each other. A single pass
 * over the text before parsing, iterative (no recursion, so no stack to blow), skipping string contents.
 * It does not check the JSON is valid: the parser does that afterwards.
 */
export function exceedsJsonDepth(text: string, maxDepth = MAX_JSON_BODY_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/** The 400 message for a body over the limit. */
export const jsonDepthMessage = (maxDepth = MAX_JSON_BODY_DEPTH) =>
  `Request body JSON is nested deeper than ${maxDepth} levels`;
