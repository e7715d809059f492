import { describeAggregateContract } from './contract/aggregate_contract';
import { describeCounterGuardContract } from './contract/counter_guard_contract';
import { describeCounterContract } from './contract/counters_contract';
import { describeCrudContract } from './contract/crud_contract';
import { describeFindContract } from './contract/find_contract';
import { describeScaleContract } from './contract/scale_contract';
import { describeScanContract } from './contract/scan_contract';
import type { RepositoryContractHarness } from './contract/types';

export type { ContractStore, RepositoryContractHarness } from './contract/types';

/**
 * The saved objects repository's behaviour as callers see it, written once and run against every
 * backend (SQLite in `repository.test.ts`, OpenSearch in
 * `backend/opensearch/integration_tests/opensearch_repository.test.ts`). A backend that passes it
 * slots in without callers changing. Call it at the top level of a test file.
 */
export function runRepositoryContract(name: string, harness: RepositoryContractHarness) {
  describe(`SavedObjectsRepository contract (${name})`, () => {
    describeCrudContract(harness);
    describeFindContract(harness);
    describeCounterContract(harness);
    describeCounterGuardContract(harness);
    describeScanContract(harness);
    describeScaleContract(harness);
    describeAggregateContract(harness);
  });
}
