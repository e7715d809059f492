import type { SavedObjectsType } from '../../../../core/server';

/** Ledger metadata: small documents, listed and sorted. */
export const REPORT_TYPE = 'telemetry-report';
/** The payload of each ledger entry, under the same id: read one at a time, never listed. */
export const REPORT_PAYLOAD_TYPE = 'telemetry-report-payload';

/**
 * Two hidden types rather than one, so that listing (and the retention's find) never reads the payloads:
 * the SQLite store parses every attribute of a row it returns, even with `fields`, and a listing of 30
 * reports of 1 MB would otherwise parse 30 MB. `dynamic: false`: nothing unmapped is ever indexed.
 */
export const reportSavedObjectType: SavedObjectsType = {
  name: REPORT_TYPE,
  hidden: true,
  namespaceType: 'agnostic',
  mappings: {
    dynamic: false,
    properties: {
      generatedAt: { type: 'date' },
      status: { type: 'keyword' },
      level: { type: 'keyword' },
      destination: { type: 'keyword' },
      sizeBytes: { type: 'long' },
      sha256: { type: 'keyword' },
      clusterUuid: { type: 'keyword' },
      encrypted: { type: 'boolean' },
      trigger: { type: 'keyword' },
    },
  },
};

/**
 * `body` is the report's JSON text (up to megabytes): a disabled object field, so OpenSearch keeps it in
 * `_source` without parsing or indexing it (a text or keyword field would index it, or fail on Lucene's
 * 32 KB term limit). SQLite stores it as is.
 */
export const reportPayloadSavedObjectType: SavedObjectsType = {
  name: REPORT_PAYLOAD_TYPE,
  hidden: true,
  namespaceType: 'agnostic',
  mappings: {
    dynamic: false,
    properties: {
      body: { type: 'object', enabled: false },
    },
  },
};

/** The attributes of a payload document. */
export interface ReportPayloadAttributes {
  body: string;
}
