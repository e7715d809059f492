/* Shared by this folder's tests. */
import { opensearchConfig, type OpenSearchConfigType } from './opensearch_config';

/** `opensearch.*` as the config service would hand it over, from raw (YAML-like) values. */
export function configFor(raw: Record<string, unknown> = {}): OpenSearchConfigType {
  return opensearchConfig.schema.validate(raw) as OpenSearchConfigType;
}

/** A logger that records lines, for tests asserting on logs. */
export { createRecordingLogger as recordingLogger } from '../logging/logger.mock';
