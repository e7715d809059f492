export { CounterGroupCommit, MAX_BATCH_OPERATIONS } from './counter_group_commit';
export type { CounterGroupCommitOptions } from './counter_group_commit';
export type {
  SavedObjectsCommitSum,
  SavedObjectsCommittedCounter,
  SavedObjectsCommittedCountersListener,
  SavedObjectsCounterIncrement,
  SavedObjectsCounterIncrements,
  SavedObjectsCounters,
  SavedObjectsCounterSet,
} from './types';
