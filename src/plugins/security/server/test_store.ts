/*
 * For this plugin's tests: the real saved-objects service on SQLite in a temp folder, with the
 * security types registered. `openSecond()` opens another service on the same file, as a second
 * server sharing the store would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SavedObjectsService,
  createSqliteBackendFactory,
  type ISavedObjectsRepository,
} from '../../../core/server';
import { loggingSystemMock } from '../../../core/server/mocks';
import { SECURITY_HIDDEN_TYPES, securitySavedObjectTypes } from './saved_object_types';

async function startService(dataPath: string) {
  const service = new SavedObjectsService({
    logger: loggingSystemMock.createLogger(),
    dataPath,
    // NORMAL and no counter thread: faster, and these tests never kill the process.
    backendFactory: createSqliteBackendFactory({ synchronous: 'NORMAL', counterThread: false }),
  });
  const setup = service.setup();
  securitySavedObjectTypes.forEach((type) => setup.registerType(type));
  const start = await service.start();
  return { service, repository: start.createInternalRepository([...SECURITY_HIDDEN_TYPES]) };
}

export interface SecurityTestStore {
  dataPath: string;
  repository: ISavedObjectsRepository;
  /** A repository from a second service on the same file (another server). */
  openSecond(): Promise<ISavedObjectsRepository>;
  close(): Promise<void>;
}

export async function createSecurityTestStore(): Promise<SecurityTestStore> {
  const dataPath = mkdtempSync(join(tmpdir(), 'security-test-'));
  const services: SavedObjectsService[] = [];
  const first = await startService(dataPath);
  services.push(first.service);
  return {
    dataPath,
    repository: first.repository,
    openSecond: async () => {
      const second = await startService(dataPath);
      services.push(second.service);
      return second.repository;
    },
    close: async () => {
      for (const service of services) await service.stop();
      rmSync(dataPath, { recursive: true, force: true });
    },
  };
}
