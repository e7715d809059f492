import type { ISavedObjectTypeRegistry } from '../../saved_objects_type_registry';
import type { SavedObjectsFieldMapping, SavedObjectsMappingProperties } from '../../types';

/** Sub-field added to text fields that have no keyword sub-field, so they can be sorted. */
export const SORT_SUBFIELD = 'keyword';
/** Longer values are not indexed in the sort sub-field; such a document sorts as missing. */
const SORT_SUBFIELD_IGNORE_ABOVE = 2048;

/** The root fields of every raw document (see SavedObjectsRawDocSource). */
export const ROOT_PROPERTIES: SavedObjectsMappingProperties = {
  type: { type: 'keyword' },
  namespace: { type: 'keyword' },
  namespaces: { type: 'keyword' },
  originId: { type: 'keyword' },
  updated_at: { type: 'date' },
  // Nested, so that `hasReference` matches a type and an id of the same reference.
  references: {
    type: 'nested',
    properties: { name: { type: 'keyword' }, type: { type: 'keyword' }, id: { type: 'keyword' } },
  },
  migrationVersion: { type: 'object', dynamic: true },
};

export interface SavedObjectsIndexMappings {
  dynamic: false;
  date_detection: false;
  dynamic_templates: Array<Record<string, unknown>>;
  properties: SavedObjectsMappingProperties;
}

/** One primary, and a replica only when a second node can hold it (so one node stays green). */
export const INDEX_SETTINGS = { number_of_shards: 1, auto_expand_replicas: '0-1' } as const;

/**
 * The index mappings: the root fields plus one object per registered type holding its attribute
 * mappings. Choices made so callers see what the SQLite store gives them:
 * - attributes a type does not map are still stored and, unless the type says `dynamic: false` or
 *   `'strict'`, indexed on first use (the embedded store accepts any attribute, and callers rely on
 *   that); the root stays `dynamic: false`, so a stray root field never changes the mappings;
 * - strings are mapped as text with a keyword sub-field, and registered text fields get one too,
 *   so every string attribute can be searched and sorted;
 * - no date detection: an attribute that once held a date-like string must keep accepting text.
 */
export function buildIndexMappings(registry: ISavedObjectTypeRegistry): SavedObjectsIndexMappings {
  const properties: SavedObjectsMappingProperties = { ...ROOT_PROPERTIES };
  for (const type of registry.getAllTypes()) {
    if (Object.prototype.hasOwnProperty.call(ROOT_PROPERTIES, type.name)) {
      throw new Error(
        `Saved object type [${type.name}] cannot be stored in OpenSearch: its name is a root field`
      );
    }
    properties[type.name] = {
      dynamic: type.mappings.dynamic ?? true,
      properties: withSortSubfields(type.mappings.properties ?? {}),
    };
  }
  return {
    dynamic: false,
    date_detection: false,
    dynamic_templates: [
      {
        strings_as_sortable_text: {
          match_mapping_type: 'string',
          mapping: { type: 'text', fields: { [SORT_SUBFIELD]: sortSubfield() } },
        },
      },
    ],
    properties,
  };
}

function sortSubfield(): SavedObjectsFieldMapping {
  return { type: 'keyword', ignore_above: SORT_SUBFIELD_IGNORE_ABOVE };
}

/** A copy of `properties` where every text field has a keyword sub-field. */
export function withSortSubfields(
  properties: SavedObjectsMappingProperties
): SavedObjectsMappingProperties {
  const result: SavedObjectsMappingProperties = {};
  for (const [name, field] of Object.entries(properties)) {
    let copy: SavedObjectsFieldMapping = { ...field };
    if (field.properties) {
      copy.properties = withSortSubfields(field.properties);
    }
    const subfields = field.fields ?? {};
    const hasKeyword = Object.values(subfields).some((f) => f.type === 'keyword');
    if (field.type === 'text' && !hasKeyword && !(SORT_SUBFIELD in subfields)) {
      copy = { ...copy, fields: { ...subfields, [SORT_SUBFIELD]: sortSubfield() } };
    }
    result[name] = copy;
  }
  return result;
}

/** How a mapped attribute sorts: on which index field, and as what. */
export interface SortTarget {
  field: string;
  kind: 'string' | 'number' | 'date' | 'boolean';
}

const NUMERIC = new Set([
  'long',
  'integer',
  'short',
  'byte',
  'double',
  'float',
  'half_float',
  'scaled_float',
  'unsigned_long',
]);

/**
 * Resolves `path` (dotted, relative to the type's attributes) against the index's live mappings.
 * Returns undefined when the field is not mapped (nothing to sort on: every document counts as
 * missing), and null when it is mapped but cannot be sorted (nested, object, text without keyword).
 */
export function resolveSortTarget(
  mappings: SavedObjectsMappingProperties,
  type: string,
  segments: string[]
): SortTarget | undefined | null {
  let properties = mappings[type]?.properties;
  let field: SavedObjectsFieldMapping | undefined;
  for (const [i, segment] of segments.entries()) {
    field = properties?.[segment];
    if (!field) {
      return undefined;
    }
    if (field.type === 'nested') {
      return null;
    }
    if (i < segments.length - 1) {
      properties = field.properties;
    }
  }
  const path = `${type}.${segments.join('.')}`;
  const fieldType = field?.type;
  if (fieldType === 'keyword' || fieldType === 'constant_keyword' || fieldType === 'wildcard') {
    return { field: path, kind: 'string' };
  }
  if (fieldType === 'text') {
    const keyword = Object.entries(field?.fields ?? {}).find(([, f]) => f.type === 'keyword');
    return keyword ? { field: `${path}.${keyword[0]}`, kind: 'string' } : null;
  }
  if (fieldType && NUMERIC.has(fieldType)) {
    return { field: path, kind: 'number' };
  }
  if (fieldType === 'date' || fieldType === 'date_nanos') {
    return { field: path, kind: 'date' };
  }
  if (fieldType === 'boolean') {
    return { field: path, kind: 'boolean' };
  }
  return null;
}
