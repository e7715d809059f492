/*
 * For this plugin's tests: a real saved-objects store (SQLite in a temp folder) with the plugin's types.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { SavedObjectsClient, SavedObjectsService, type SavedObjectsType } from '../../../core/server';
import { applicationUsageSavedObjectTypes, uiMetricSavedObjectType } from './collectors';
import { createLoggerMock } from './mocks';

export async function createTestStore(extraTypes: SavedObjectsType[] = []) {
  const dataPath = mkdtempSync(join(tmpdir(), 'usage-collection-test-'));
  const service = new SavedObjectsService({ logger: createLoggerMock(), dataPath });
  const setup = service.setup();
  for (const type of [uiMetricSavedObjectType, ...applicationUsageSavedObjectTypes, ...extraTypes]) setup.registerType(type);
  const start = await service.start();
  // Hidden extra types (the daily counters) are reachable too: the plugin's own repository reaches them.
  const repository = start.createInternalRepository(extraTypes.filter((t) => t.hidden).map((t) => t.name));
  return {
    repository,
    client: new SavedObjectsClient(repository),
    /** Core's counters port on this store. */
    counters: start.counters,
    close: async () => {
      await service.stop();
      rmSync(dataPath, { recursive: true, force: true });
    },
  };
}
