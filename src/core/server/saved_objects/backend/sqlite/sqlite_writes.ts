import { isSafeCounterValue, nextCounterValue } from '../counter_values';
import { cloneJson, isPlainObject } from '../merge_partial';
import {
  type SavedObjectsBackendCounterOperation,
  type SavedObjectsRawDoc,
  type SavedObjectsRawDocSource,
  type SavedObjectsStoredDoc,
} from '../types';
import type { SqliteStatements } from './sqlite_connection';
import { rowToDoc, splitDoc } from './sqlite_rows';

/** SQLite has a single primary; the term never changes, so versions compare on seq_no alone. */
export const PRIMARY_TERM = 1;

/** Writes a whole document with the next seq_no (or `seqNo`). Must run inside a write transaction. */
export function store(
  statements: SqliteStatements,
  doc: SavedObjectsRawDoc,
  seqNo = statements.nextSeqNo.get()!.value
): SavedObjectsStoredDoc {
  const source = cloneJson(doc._source);
  statements.upsert.run(splitDoc(doc._id, source, seqNo, PRIMARY_TERM));
  return { _id: doc._id, _source: source, _seq_no: seqNo, _primary_term: PRIMARY_TERM };
}

/**
 * Raises each counter of `ops`; must run inside a write transaction. Missing documents and fields start
 * at 0, as upstream's script does. The usual case, existing documents whose counters are integers and
 * stay safe integers, is one UPDATE for the whole batch, done by SQLite's JSON functions (no parse,
 * clone and re-serialise in JavaScript, no statement per counter); the rest (new documents, new fields,
 * a counter that is not an integer, a sum out of range) takes the general path, one by one, where the
 * counter policy (`counter_values.ts`) accepts or refuses it. A refusal rolls the batch back.
 */
export function applyCounters(
  statements: SqliteStatements,
  ops: SavedObjectsBackendCounterOperation[],
  returnDocs = true
): SavedObjectsStoredDoc[] {
  // Checked before any SQL: the fast path below trusts every increment to be a safe integer.
  for (const op of ops) {
    if (!isSafeCounterValue(op.incrementBy)) nextCounterValue(op.id, op.counterFieldName, undefined, op.incrementBy);
  }
  // One statement reserves the batch's seq_nos: op i gets first + i.
  const first = statements.reserveSeqNos.get(ops.length)!.value - ops.length + 1;
  const raised = raiseExistingCounters(statements, ops, first, returnDocs);
  const docs = new Array<SavedObjectsStoredDoc>(returnDocs ? ops.length : 0);
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    const row = raised.get(i);
    if (row === undefined) {
      const doc = applyCounterInJs(statements, op, first + i);
      if (returnDocs) docs[i] = doc;
    } else if (row !== null) {
      const source = JSON.parse(row.source) as SavedObjectsRawDocSource;
      source[op.type] = JSON.parse(row.attributes);
      docs[i] = { _id: op.id, _source: source, _seq_no: first + i, _primary_term: PRIMARY_TERM };
    }
  }
  return docs;
}

/** The batch UPDATE; returns the rows it raised, by index in `ops` (null for each when `returnDocs` is false). */
function raiseExistingCounters(
  statements: SqliteStatements,
  ops: SavedObjectsBackendCounterOperation[],
  first: number,
  returnDocs: boolean
) {
  const batch: Array<[number, string, string, string, number, string]> = [];
  const ids = new Set<string>();
  for (let i = 0; i < ops.length; i++) {
    const { id, type, counterFieldName, incrementBy, time } = ops[i];
    const path = counterPath(counterFieldName);
    // UPDATE ... FROM raises a row once however many batch entries match it: repeats go one by one.
    if (path === undefined || ids.has(id)) continue;
    ids.add(id);
    batch.push([i, id, type, path, incrementBy, time]);
  }
  const raised = new Map<number, { attributes: string; source: string } | null>();
  if (batch.length === 0) return raised;
  const params = { batch: JSON.stringify(batch), first_seq_no: first };
  if (returnDocs) {
    for (const row of statements.incrementCounters.all(params)) raised.set(row.seq_no - first, row);
  } else {
    for (const row of statements.incrementCountersQuietly.all(params)) raised.set(row.seq_no - first, null);
  }
  return raised;
}

/** The general path: read, change and store the whole document. */
function applyCounterInJs(
  statements: SqliteStatements,
  op: SavedObjectsBackendCounterOperation,
  seqNo: number
): SavedObjectsStoredDoc {
  const row = statements.select.get(op.id);
  if (!row) {
    return store(statements, { _id: op.id, _source: op.upsert }, seqNo);
  }
  const doc = rowToDoc(row);
  const current = doc._source[op.type];
  const attributes: Record<string, unknown> = isPlainObject(current) ? current : {};
  attributes[op.counterFieldName] = nextCounterValue(op.id, op.counterFieldName, attributes[op.counterFieldName], op.incrementBy);
  doc._source[op.type] = attributes;
  doc._source.updated_at = op.time;
  return store(statements, doc, seqNo);
}

/** The SQLite JSON path of a top-level field; undefined for names the quoted form cannot hold. */
function counterPath(field: string): string | undefined {
  return /["\\]/.test(field) ? undefined : `$."${field}"`;
}
