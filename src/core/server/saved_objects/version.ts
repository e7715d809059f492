import { SavedObjectsErrorHelpers } from './errors';

/**
 * The opaque `version` of a saved object: base64 of the JSON array `[seqNo, primaryTerm]`, exactly
 * the encoding upstream derives from OpenSearch's `_seq_no`/`_primary_term`. Every backend must
 * produce versions this way, so a version read from one deployment means the same thing to all code
 * paths (HTTP clients hand them back verbatim for optimistic locking).
 */
export interface SeqNoPrimaryTerm {
  seqNo: number;
  primaryTerm: number;
}

export function encodeVersion(seqNo: number, primaryTerm: number): string {
  if (!Number.isInteger(primaryTerm)) {
    throw new TypeError('_primary_term must be an integer');
  }
  if (!Number.isInteger(seqNo)) {
    throw new TypeError('_seq_no must be an integer');
  }
  return Buffer.from(JSON.stringify([seqNo, primaryTerm]), 'utf8').toString('base64');
}

/** Encodes the version of a stored document, or undefined when the document carries none. */
export function encodeHitVersion(doc: { _seq_no?: number; _primary_term?: number }) {
  if (doc._seq_no == null && doc._primary_term == null) {
    return undefined;
  }
  return encodeVersion(doc._seq_no as number, doc._primary_term as number);
}

/** Parses a caller-supplied version; anything malformed is a 400 invalid-version error. */
export function decodeVersion(version: unknown): SeqNoPrimaryTerm {
  const invalid = () => SavedObjectsErrorHelpers.createInvalidVersionError(String(version));
  if (typeof version !== 'string' || version.length === 0) {
    throw invalid();
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(version, 'base64').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    !Number.isInteger(parsed[0]) ||
    !Number.isInteger(parsed[1])
  ) {
    throw invalid();
  }
  return { seqNo: parsed[0], primaryTerm: parsed[1] };
}
