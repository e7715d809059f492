/* Shared by the saved objects tests: a few types, repositories over any backend, a SQLite store in a temp folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SavedObjectsBackend } from '../backend/types';
import { SqliteSavedObjectsBackend } from '../backend/sqlite/sqlite_backend';
import type { SqliteSynchronousMode } from '../backend/sqlite/sqlite_schema';
import { SavedObjectTypeRegistry } from '../saved_objects_type_registry';
import type { SavedObjectsType } from '../types';
import { SavedObjectsRepository } from './repository';

export const testTypes: SavedObjectsType[] = [
  {
    name: 'dashboard',
    hidden: false,
    namespaceType: 'single',
    mappings: { properties: { title: { type: 'text' }, description: { type: 'text' } } },
  },
  {
    name: 'visualization',
    hidden: false,
    namespaceType: 'single',
    mappings: { properties: { title: { type: 'text' }, rank: { type: 'integer' } } },
  },
  {
    name: 'config',
    hidden: false,
    namespaceType: 'agnostic',
    mappings: { dynamic: false, properties: {} },
  },
  {
    name: 'shared',
    hidden: false,
    namespaceType: 'multiple',
    mappings: { properties: { title: { type: 'text' } } },
  },
  {
    name: 'ui-metric',
    hidden: false,
    namespaceType: 'agnostic',
    mappings: { properties: { count: { type: 'integer' } } },
  },
  {
    name: 'secret',
    hidden: true,
    namespaceType: 'agnostic',
    mappings: { properties: { value: { type: 'keyword' } } },
  },
];

export function createTestRegistry(types: SavedObjectsType[] = testTypes) {
  const registry = new SavedObjectTypeRegistry();
  types.forEach((type) => registry.registerType(type));
  return registry;
}

/** A logger that records lines, for tests asserting on logs. */
export { createRecordingLogger as createTestLogger } from '../../logging/logger.mock';

/** A temp folder per test file; `cleanup` removes it. */
export function createTempDir(prefix = 'saved-objects-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A backend with the test types and two repositories over it, the shape every test drives. */
export interface TestStore<B extends SavedObjectsBackend = SavedObjectsBackend> {
  backend: B;
  registry: SavedObjectTypeRegistry;
  repository: SavedObjectsRepository;
  /** A repository over the same backend that may also touch the hidden types. */
  repositoryWithHidden: SavedObjectsRepository;
}

/** Wraps an opened backend (any store) with the test registry and repositories. */
export function createTestStore<B extends SavedObjectsBackend>(
  backend: B,
  options: { now?: () => Date; registry?: SavedObjectTypeRegistry } = {}
): TestStore<B> {
  const registry = options.registry ?? createTestRegistry();
  const visible = registry.getVisibleTypes().map((t) => t.name);
  const all = registry.getAllTypes().map((t) => t.name);
  const repository = new SavedObjectsRepository({
    typeRegistry: registry,
    backend,
    allowedTypes: visible,
    now: options.now,
  });
  const repositoryWithHidden = new SavedObjectsRepository({
    typeRegistry: registry,
    backend,
    allowedTypes: all,
    now: options.now,
  });
  return { backend, registry, repository, repositoryWithHidden };
}

export async function openTestStore(
  filePath: string,
  options: { synchronous?: SqliteSynchronousMode; now?: () => Date } = {}
): Promise<TestStore<SqliteSavedObjectsBackend>> {
  const backend = new SqliteSavedObjectsBackend({
    filePath,
    synchronous: options.synchronous ?? 'FULL',
  });
  await backend.open();
  return createTestStore(backend, { now: options.now });
}
