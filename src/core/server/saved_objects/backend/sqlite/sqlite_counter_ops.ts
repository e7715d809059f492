/*
 * How a batch of counter operations travels to the counter thread: one JSON string (posting a hundred
 * small objects costs the event loop about twice what serialising them does), of one array per
 * operation. Nearly every operation carries the upsert the repository builds for a counter
 * (`{ [type]: { [field]: incrementBy }, type, references: [], updated_at: time }`); that one is left
 * out and rebuilt on the other side, which cuts the text to a third and both ends' work with it. Any
 * other upsert travels whole, so the thread always applies exactly the operations it was given.
 */
import type { SavedObjectsBackendCounterOperation, SavedObjectsRawDocSource } from '../types';

/** `[id, type, counterFieldName, incrementBy, time, upsert]`; `0` for the counter's standard upsert. */
type EncodedCounterOperation = [string, string, string, number, string, SavedObjectsRawDocSource | 0];

const STANDARD_UPSERT = 0;

export function encodeCounterOperations(ops: readonly SavedObjectsBackendCounterOperation[]): string {
  const encoded = new Array<EncodedCounterOperation>(ops.length);
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    encoded[i] = [op.id, op.type, op.counterFieldName, op.incrementBy, op.time, isStandardUpsert(op) ? STANDARD_UPSERT : op.upsert];
  }
  return JSON.stringify(encoded);
}

export function decodeCounterOperations(json: string): SavedObjectsBackendCounterOperation[] {
  const encoded = JSON.parse(json) as EncodedCounterOperation[];
  return encoded.map(([id, type, counterFieldName, incrementBy, time, upsert]) => ({
    id,
    type,
    counterFieldName,
    incrementBy,
    time,
    upsert: upsert === STANDARD_UPSERT ? standardUpsert(type, counterFieldName, incrementBy, time) : upsert,
  }));
}

/** The upsert of a new counter, keys in the order the repository writes them. */
function standardUpsert(type: string, counterFieldName: string, incrementBy: number, time: string): SavedObjectsRawDocSource {
  return { [type]: { [counterFieldName]: incrementBy }, type, references: [], updated_at: time };
}

/** True when `op.upsert` is exactly what `standardUpsert` rebuilds (keys, their order and values). */
export function isStandardUpsert(op: SavedObjectsBackendCounterOperation): boolean {
  const { upsert, type, counterFieldName, incrementBy, time } = op;
  let keys = 0;
  for (const key in upsert) {
    const expected = keys === 0 ? type : keys === 1 ? 'type' : keys === 2 ? 'references' : keys === 3 ? 'updated_at' : undefined;
    if (key !== expected) return false;
    keys++;
  }
  if (keys !== 4 || upsert.type !== type || upsert.updated_at !== time) return false;
  const references = upsert.references;
  if (!Array.isArray(references) || references.length !== 0) return false;
  const attributes = upsert[type] as Record<string, unknown> | null;
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) return false;
  let fields = 0;
  for (const key in attributes) {
    if (key !== counterFieldName) return false;
    fields++;
  }
  return fields === 1 && Object.is(attributes[counterFieldName], incrementBy);
}
