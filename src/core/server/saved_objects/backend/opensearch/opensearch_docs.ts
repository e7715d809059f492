import { cloneJson } from '../merge_partial';
import {
  type SavedObjectsBackendVersionCheck,
  type SavedObjectsRawDocSource,
  type SavedObjectsStoredDoc,
} from '../types';
import type { OpenSearchErrorCause } from './opensearch_errors';

/* Wire shapes of OpenSearch responses and their conversion to stored documents. */

/** Server-side retries of a read-modify-write that lost a race with another writer. */
export const RETRY_ON_CONFLICT = 10;
/** Client-side rounds on top, for counters under heavy contention (each round re-sends). */
export const CLIENT_CONFLICT_ATTEMPTS = 5;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What index, update and `_bulk` items answer about a write. */
export interface WriteResult {
  _seq_no?: number;
  _primary_term?: number;
  get?: { _source?: SavedObjectsRawDocSource };
}

export interface WireDoc {
  _id: string;
  found?: boolean;
  _source?: SavedObjectsRawDocSource;
  _seq_no?: number;
  _primary_term?: number;
}

export interface BulkItem extends WriteResult {
  status: number;
  error?: OpenSearchErrorCause;
}

export function toStoredDoc(doc: WireDoc): SavedObjectsStoredDoc {
  return {
    _id: doc._id,
    _source: doc._source ?? ({} as SavedObjectsRawDocSource),
    _seq_no: doc._seq_no as number,
    _primary_term: doc._primary_term as number,
  };
}

export function stored(id: string, source: Partial<SavedObjectsRawDocSource>, result: unknown): SavedObjectsStoredDoc {
  const { _seq_no, _primary_term } = result as WriteResult;
  return {
    _id: id,
    _source: cloneJson(source) as SavedObjectsRawDocSource,
    _seq_no: _seq_no as number,
    _primary_term: _primary_term as number,
  };
}

export function versionParams(check: SavedObjectsBackendVersionCheck) {
  return {
    ...(check.ifSeqNo !== undefined && { if_seq_no: check.ifSeqNo }),
    ...(check.ifPrimaryTerm !== undefined && { if_primary_term: check.ifPrimaryTerm }),
  };
}
