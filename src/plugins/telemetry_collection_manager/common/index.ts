/** Plugin id of the collection manager. */
export const PLUGIN_ID = 'telemetryCollectionManager';
/** Folder and config path of the collection manager. */
export const PLUGIN_NAME = 'telemetry_collection_manager';
/** How long a complete report is served from the cache, by default. */
export const DEFAULT_CACHE_TTL = '4h';
/** JWE algorithms of an encrypted report: the key is wrapped with RSA-OAEP-256, the content with A256GCM. */
export const JWE_KEY_ALGORITHM = 'RSA-OAEP-256';
export const JWE_CONTENT_ENCRYPTION = 'A256GCM';
