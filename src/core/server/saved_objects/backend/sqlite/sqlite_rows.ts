import {
  SavedObjectsBackendError,
  type SavedObjectsRawDocSource,
  type SavedObjectsStoredDoc,
} from '../types';

/** A row of the saved_objects table as read back. */
export interface SavedObjectRow {
  raw_id: string;
  type: string;
  attributes: string | null;
  source: string;
  seq_no: number;
  primary_term: number;
}

/** Rebuilds the OpenSearch-shaped document: attributes go back under `_source[type]`. */
export function rowToDoc(row: SavedObjectRow): SavedObjectsStoredDoc {
  const source = JSON.parse(row.source) as SavedObjectsRawDocSource;
  if (row.attributes !== null) {
    source[row.type] = JSON.parse(row.attributes);
  }
  return { _id: row.raw_id, _source: source, _seq_no: row.seq_no, _primary_term: row.primary_term };
}

/**
 * Splits a document into columns. Attributes get their own column so SQL can sort and filter on
 * them with one JSON path whatever the type; `object_id` lets `sortField: 'id'` ignore the prefix.
 */
export function splitDoc(
  rawId: string,
  source: SavedObjectsRawDocSource,
  seqNo: number,
  primaryTerm: number
) {
  const type = source.type;
  if (typeof type !== 'string' || type.length === 0) {
    throw SavedObjectsBackendError.badRequest(`Document [${rawId}] has no type`, rawId);
  }
  const { [type]: attributes, ...rest } = source;
  const prefix = `${type}:`;
  return {
    raw_id: rawId,
    type,
    object_id: rawId.startsWith(prefix) ? rawId.slice(prefix.length) : rawId,
    attributes: attributes === undefined ? null : JSON.stringify(attributes),
    source: JSON.stringify(rest),
    updated_at: typeof rest.updated_at === 'string' ? rest.updated_at : null,
    seq_no: seqNo,
    primary_term: primaryTerm,
  };
}
