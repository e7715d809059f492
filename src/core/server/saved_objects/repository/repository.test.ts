import { join } from 'node:path';
import { SqliteSavedObjectsBackend } from '../backend/sqlite/sqlite_backend';
import { describeCounterGuardContract } from './contract/counter_guard_contract';
import { describeCounterContract } from './contract/counters_contract';
import { describeFindContract } from './contract/find_contract';
import { describeScaleContract } from './contract/scale_contract';
import { describeScanContract } from './contract/scan_contract';
import { runRepositoryContract, type ContractStore, type RepositoryContractHarness } from './repository_contract';
import { createTempDir, createTestStore } from './test_utils';

/*
 * The repository contract on the embedded store. NORMAL durability keeps the run fast (every
 * behaviour but fsync is the same); sqlite_backend.test.ts covers FULL.
 */
const temp = createTempDir();
let n = 0;
afterAll(() => temp.cleanup());

async function openStore(filePath: string, now?: () => Date, threads = false): Promise<ContractStore> {
  const backend = new SqliteSavedObjectsBackend({ filePath, synchronous: 'NORMAL', counterThread: threads, readerThread: threads });
  await backend.open();
  return {
    ...createTestStore(backend, { now }),
    attach: () => openStore(filePath, now, threads),
    dispose: () => backend.close(),
  };
}

runRepositoryContract('SQLite', {
  createStore: ({ now } = {}) => openStore(join(temp.dir, `store-${n++}.sqlite`), now),
});

/*
 * The server's configuration: counters commit on the counter thread, finds and scans run on the reader
 * thread. The parts of the contract those threads serve (and read-after-write visibility across them) run
 * again on it.
 */
const threaded: RepositoryContractHarness = {
  createStore: ({ now } = {}) => openStore(join(temp.dir, `threaded-${n++}.sqlite`), now, true),
};
describe('SavedObjectsRepository contract (SQLite with its counter and reader threads)', () => {
  describeFindContract(threaded);
  describeScanContract(threaded);
  describeCounterContract(threaded);
  describeCounterGuardContract(threaded);
  describeScaleContract(threaded);
});
