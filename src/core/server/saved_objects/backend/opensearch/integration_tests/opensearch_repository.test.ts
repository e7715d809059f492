import { Client } from '@opensearch-project/opensearch';
import { startOpenSearch, type OpenSearchNode } from '../../../../../../../test/opensearch/opensearch_node';
import { runRepositoryContract, type ContractStore } from '../../../repository/repository_contract';
import { createTestRegistry, createTestStore } from '../../../repository/test_utils';
import { OpenSearchSavedObjectsBackend } from '../opensearch_backend';

/*
 * The repository contract (the same expectations the SQLite store meets) against a real node. Each
 * store is its own index, deleted afterwards. Writes use refresh=true to keep the run short; the
 * default 'wait_for' is exercised in opensearch_backend.test.ts.
 */
let node: OpenSearchNode | undefined;
let client: Client | undefined;
let n = 0;

beforeAll(async () => {
  node = await startOpenSearch();
  client = new Client({ node: node.url });
}, 180_000);

afterAll(async () => {
  await client?.close();
  await node?.stop();
}, 60_000);

async function openStore(index: string, owner: boolean, now?: () => Date): Promise<ContractStore> {
  const registry = createTestRegistry();
  const backend = new OpenSearchSavedObjectsBackend({ client: client!, index, typeRegistry: registry, refresh: true });
  await backend.open();
  return {
    ...createTestStore(backend, { now, registry }),
    attach: () => openStore(index, false, now),
    dispose: async () => {
      await backend.close();
      if (owner) {
        await client!.indices.delete({ index }, { ignore: [404] });
      }
    },
  };
}

runRepositoryContract('OpenSearch', {
  createStore: ({ now } = {}) => openStore(`osd-contract-${n++}`, true, now),
});
