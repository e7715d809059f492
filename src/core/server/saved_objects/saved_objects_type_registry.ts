import type { SavedObjectsType } from './types';

const NAMESPACE_TYPES = ['single', 'multiple', 'agnostic'];

/** The read side of the registry, handed out at start when types can no longer change. */
export type ISavedObjectTypeRegistry = Omit<SavedObjectTypeRegistry, 'registerType'>;

/** Holds the registered saved object types. One per service instance; never a global. */
export class SavedObjectTypeRegistry {
  private readonly types = new Map<string, SavedObjectsType>();

  /** Registers a type; a name can be taken only once. */
  public registerType(type: SavedObjectsType) {
    validateType(type);
    if (this.types.has(type.name)) {
      throw new Error(`Type '${type.name}' is already registered`);
    }
    // Frozen so a plugin cannot change a type (e.g. make it visible) after registering it.
    this.types.set(type.name, deepFreeze(structuredCloneType(type)));
  }

  public getType(type: string): SavedObjectsType | undefined {
    return this.types.get(type);
  }

  public getAllTypes(): SavedObjectsType[] {
    return [...this.types.values()];
  }

  /** Types not registered as hidden. */
  public getVisibleTypes(): SavedObjectsType[] {
    return this.getAllTypes().filter((type) => !type.hidden);
  }

  public getImportableAndExportableTypes(): SavedObjectsType[] {
    return this.getAllTypes().filter((type) => this.isImportableAndExportable(type.name));
  }

  /** False for unknown types. */
  public isNamespaceAgnostic(type: string) {
    return this.types.get(type)?.namespaceType === 'agnostic';
  }

  /** True for unknown types, as upstream: anything not agnostic or multiple is single. */
  public isSingleNamespace(type: string) {
    return !this.isNamespaceAgnostic(type) && !this.isMultiNamespace(type);
  }

  /** False for unknown types. */
  public isMultiNamespace(type: string) {
    return this.types.get(type)?.namespaceType === 'multiple';
  }

  /** False for unknown types. */
  public isHidden(type: string) {
    return this.types.get(type)?.hidden ?? false;
  }

  public isImportableAndExportable(type: string) {
    return this.types.get(type)?.management?.importableAndExportable ?? false;
  }
}

function validateType(type: SavedObjectsType) {
  if (!type || typeof type.name !== 'string' || type.name.length === 0) {
    throw new Error('A saved object type needs a non-empty string name');
  }
  // The name becomes the prefix of raw ids (`<type>:<id>`) and the attribute key in raw documents.
  if (type.name.includes(':') || type.name.startsWith('_')) {
    throw new Error(`Invalid saved object type name '${type.name}': no ':' and no leading '_'`);
  }
  if (!NAMESPACE_TYPES.includes(type.namespaceType)) {
    throw new Error(
      `Invalid namespaceType '${type.namespaceType}' for type '${type.name}': expected one of ${NAMESPACE_TYPES.join(', ')}`
    );
  }
  if (!type.mappings || typeof type.mappings.properties !== 'object') {
    throw new Error(`Type '${type.name}' needs mappings with a properties object`);
  }
}

/** Copies the plain data of a type but keeps its management functions as they are. */
function structuredCloneType(type: SavedObjectsType): SavedObjectsType {
  return {
    ...type,
    mappings: JSON.parse(JSON.stringify(type.mappings)),
    ...(type.management && { management: { ...type.management } }),
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) {
      deepFreeze(child);
    }
  }
  return value;
}
