import type { Type } from '../types';

/**
 * `true` when `obj` is a schema type created by `@osd/config-schema`.
 */
export function isConfigSchema(obj: unknown): obj is Type<any> {
  return obj !== null && typeof obj === 'object' && (obj as any).__isOsdConfigSchemaType === true;
}
