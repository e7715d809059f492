import { randomUUID } from 'node:crypto';
import type {
  SavedObjectsBackendCreateItem,
  SavedObjectsBackendVersionCheck,
  SavedObjectsRawDocSource,
  SavedObjectsStoredDoc,
} from '../backend/types';
import type { ISavedObjectTypeRegistry } from '../saved_objects_type_registry';
import type {
  SavedObject,
  SavedObjectReference,
  SavedObjectsBulkCreateObject,
  SavedObjectsMigrationVersion,
} from '../types';
import { decodeVersion, encodeHitVersion } from '../version';

/** The only namespace until spaces exist; upstream's string form of the default namespace. */
export const DEFAULT_NAMESPACE_STRING = 'default';

/** `<type>:<id>`: upstream's raw id for objects in the default namespace, kept for every backend. */
export function rawIdFor(type: string, id: string) {
  return `${type}:${id}`;
}

export function idFromRawId(type: string, rawId: string) {
  const prefix = `${type}:`;
  return rawId.startsWith(prefix) ? rawId.slice(prefix.length) : rawId;
}

export interface NewDocInput {
  type: string;
  attributes: unknown;
  references?: SavedObjectReference[];
  migrationVersion?: SavedObjectsMigrationVersion;
  originId?: string;
  updatedAt: string;
}

/** The `_source` of a new document, laid out as upstream's serializer does. */
export function buildSource(
  registry: ISavedObjectTypeRegistry,
  input: NewDocInput
): SavedObjectsRawDocSource {
  return {
    [input.type]: input.attributes,
    type: input.type,
    references: input.references ?? [],
    // Multi-namespace objects list their namespaces; the others are identified by raw id alone.
    ...(registry.isMultiNamespace(input.type) && { namespaces: [DEFAULT_NAMESPACE_STRING] }),
    ...(input.originId && { originId: input.originId }),
    ...(input.migrationVersion && { migrationVersion: input.migrationVersion }),
    updated_at: input.updatedAt,
  };
}

/**
 * The object returned by create, bulkCreate and find (upstream's `_rawToSavedObject`): single
 * namespace types report the default namespace, multi-namespace types their list, agnostic none.
 */
export function rawToSavedObject<T>(
  registry: ISavedObjectTypeRegistry,
  doc: SavedObjectsStoredDoc
): SavedObject<T> {
  const source = doc._source;
  const type = source.type;
  let namespaces: string[] | undefined;
  if (registry.isSingleNamespace(type)) {
    namespaces = [DEFAULT_NAMESPACE_STRING];
  } else if (registry.isMultiNamespace(type) && source.namespaces) {
    namespaces = source.namespaces;
  }
  return {
    type,
    id: idFromRawId(type, doc._id),
    ...(namespaces && { namespaces }),
    ...(source.originId && { originId: source.originId }),
    attributes: source[type] as T,
    references: source.references ?? [],
    ...(source.migrationVersion && { migrationVersion: source.migrationVersion }),
    ...(source.updated_at && { updated_at: source.updated_at }),
    version: encodeHitVersion(doc),
  };
}

/** The namespaces get, bulkGet and update report: none for agnostic types, else the stored list. */
export function namespacesOf(
  registry: ISavedObjectTypeRegistry,
  type: string,
  source: SavedObjectsRawDocSource
): string[] {
  if (registry.isNamespaceAgnostic(type)) {
    return [];
  }
  return source.namespaces ?? [DEFAULT_NAMESPACE_STRING];
}

/** The object returned by get and bulkGet (upstream's `getSavedObjectFromSource`). */
export function storedDocToSavedObject<T>(
  registry: ISavedObjectTypeRegistry,
  type: string,
  id: string,
  doc: SavedObjectsStoredDoc
): SavedObject<T> {
  const source = doc._source;
  return {
    id,
    type,
    namespaces: namespacesOf(registry, type, source),
    ...(source.originId && { originId: source.originId }),
    ...(source.updated_at && { updated_at: source.updated_at }),
    version: encodeHitVersion(doc),
    attributes: source[type] as T,
    references: source.references ?? [],
    migrationVersion: source.migrationVersion,
  };
}

/** A caller's opaque version as the backend's expected `_seq_no`/`_primary_term` (400 if malformed). */
export function versionCheck(version: string): SavedObjectsBackendVersionCheck {
  const { seqNo, primaryTerm } = decodeVersion(version);
  return { ifSeqNo: seqNo, ifPrimaryTerm: primaryTerm };
}

/** The backend item that creates (or, with `overwrite`, replaces) one object; ids are uuid v4. */
export function buildCreateItem(
  registry: ISavedObjectTypeRegistry,
  object: SavedObjectsBulkCreateObject<unknown>,
  overwrite: boolean,
  time: string
): { id: string; item: SavedObjectsBackendCreateItem } {
  const id = object.id || randomUUID();
  const item: SavedObjectsBackendCreateItem = {
    doc: {
      _id: rawIdFor(object.type, id),
      _source: buildSource(registry, {
        type: object.type,
        attributes: object.attributes,
        references: object.references,
        migrationVersion: object.migrationVersion,
        originId: object.originId,
        updatedAt: time,
      }),
    },
    // Replacing needs a caller-chosen id; a generated one can only be new.
    overwrite: Boolean(object.id) && overwrite,
    // As upstream, a version only matters when overwriting.
    ...(overwrite && object.version ? versionCheck(object.version) : {}),
  };
  return { id, item };
}
