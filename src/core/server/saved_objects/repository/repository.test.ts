import { join } from 'node:path';
import { SqliteSavedObjectsBackend } from '../backend/sqlite/sqlite_backend';
import { runRepositoryContract, type ContractStore } from './repository_contract';
import { createTempDir, createTestStore } from './test_utils';

/*
 * The repository contract on the embedded store. NORMAL durability keeps the run fast (every
 * behaviour but fsync is the same); sqlite_backend.test.ts covers FULL.
 */
const temp = createTempDir();
let n = 0;
afterAll(() => temp.cleanup());

async function openStore(filePath: string, now?: () => Date): Promise<ContractStore> {
  const backend = new SqliteSavedObjectsBackend({ filePath, synchronous: 'NORMAL' });
  await backend.open();
  return {
    ...createTestStore(backend, { now }),
    attach: () => openStore(filePath, now),
    dispose: () => backend.close(),
  };
}

runRepositoryContract('SQLite', {
  createStore: ({ now } = {}) => openStore(join(temp.dir, `store-${n++}.sqlite`), now),
});
