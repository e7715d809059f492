/*
 * What the sender uses, taken from the sender's own modules so the two cannot drift apart: RSA-OAEP-256
 * key wrapping and A256GCM content encryption (the receiver accepts exactly these), the JWE content type.
 */
export { JWE_CONTENT_ENCRYPTION, JWE_KEY_ALGORITHM } from '../../../../src/plugins/telemetry_collection_manager/common';
export { JWE_CONTENT_TYPE, TELEMETRY_HEADERS } from '../../../../src/plugins/telemetry/common/constants';
