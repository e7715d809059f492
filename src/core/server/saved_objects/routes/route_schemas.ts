/**
 * What the `/api/saved_objects` routes accept: the shared pieces of their schemas and the bounds of the
 * HTTP API. The bounds apply to HTTP callers only; server code calling the repository is trusted and
 * keeps the repository's own rules (e.g. `find` pages of any size).
 */
import { schema } from '@osd/config-schema';
import { decodeVersion } from '../version';

/** Where every route of the API lives. */
export const SAVED_OBJECTS_API_PATH = '/api/saved_objects';

/** Read routes need `saved_objects:read`; the security plugin checks these tags. */
export const READ_TAGS = ['access:saved_objects:read'] as const;
/** Write routes need `saved_objects:write`, and each answer leaves an audit line. */
export const WRITE_TAGS = ['access:saved_objects:write', 'audit:saved_objects_write'] as const;

/** The bounds of the HTTP API; README.md explains each. */
export const SAVED_OBJECTS_API_LIMITS = Object.freeze({
  /**
   * `_find`'s largest page. Upstream stops at OpenSearch's 10,000 result window; a page that large is a
   * multi-megabyte answer built in memory, so pages stop at 1,000 and `page` goes further.
   */
  maxPerPage: 1000,
  /** `(page - 1) * per_page` stays far inside the safe integers; a deep page walks every skipped row. */
  maxPage: 1_000_000,
  /** Objects in one `_bulk_get` or `_bulk_create`: one store call each. */
  maxBulkObjects: 10_000,
  /** Objects in one `_bulk_update`: each is its own write, so fewer. */
  maxBulkUpdateObjects: 1000,
  /** Ids and type names, in paths and bodies (references included). */
  maxIdLength: 256,
  /** A reference's `name`. */
  maxReferenceNameLength: 1024,
  /** References of one object. */
  maxReferences: 1000,
  /** Entries of `fields`, `search_fields`, `type` and `has_reference` lists. */
  maxListEntries: 100,
  /** Field names in `fields`, `search_fields` and `sort_field`. */
  maxFieldLength: 256,
  /** The `search` string of `_find`. */
  maxSearchLength: 1024,
});

const limits = SAVED_OBJECTS_API_LIMITS;

export const idSchema = schema.string({ minLength: 1, maxLength: limits.maxIdLength });
export const typeSchema = schema.string({ minLength: 1, maxLength: limits.maxIdLength });
export const fieldSchema = schema.string({ minLength: 1, maxLength: limits.maxFieldLength });

/** `{type}/{id}` path parameters. */
export const typeAndIdParams = schema.object({ type: typeSchema, id: idSchema });

/** Attributes: a JSON object; its depth is bounded by core's body parser, its size by the body limit. */
export const attributesSchema = schema.recordOf(schema.string(), schema.any());

export const referencesSchema = schema.arrayOf(
  schema.object({
    name: schema.string({ maxLength: limits.maxReferenceNameLength }),
    type: typeSchema,
    id: idSchema,
  }),
  { maxSize: limits.maxReferences }
);

export const migrationVersionSchema = schema.recordOf(schema.string({ maxLength: limits.maxIdLength }), schema.string({ maxLength: limits.maxIdLength }));

/** A version as handed out by this API; checked here so the 400 names the field. */
export const versionSchema = schema.string({
  maxLength: limits.maxIdLength,
  validate: (value) => {
    try {
      decodeVersion(value);
    } catch (error) {
      return (error as Error).message;
    }
  },
});

/** What one update sends, to `PUT {type}/{id}` or per object to `_bulk_update`. */
export const updateFields = {
  attributes: attributesSchema,
  version: schema.maybe(versionSchema),
  references: schema.maybe(referencesSchema),
};
export const updateBody = schema.object(updateFields);

/** A list of names given as one string (`?fields=a`) or several (`?fields=a&fields=b`), as upstream. */
export const nameListSchema = (item: typeof fieldSchema) =>
  schema.oneOf([item, schema.arrayOf(item, { minSize: 1, maxSize: limits.maxListEntries })]);

/** Integers only: `schema.number` alone would take `1.5`. */
export const integerSchema = (options: { min: number; max: number; defaultValue: number }) =>
  schema.number({
    ...options,
    validate: (value) => (Number.isInteger(value) ? undefined : `expected an integer but got [${value}]`),
  });

/** `?x=a` and `?x=a&x=b` as one array. */
export function toList<T>(value: T | T[] | undefined): T[] | undefined {
  return value === undefined ? undefined : Array.isArray(value) ? value : [value];
}
