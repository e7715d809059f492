import { SavedObjectsClientError } from '../../errors';
import type { TestStore } from '../test_utils';

/** One store under test: the test types, two repositories, and a way to reach the same data again. */
export interface ContractStore extends TestStore {
  /**
   * Another backend instance over the same stored data: a second server process sharing the store,
   * or the same server after a restart. Its `dispose` only closes that instance.
   */
  attach(): Promise<ContractStore>;
  /** Closes the backend (safe after an explicit close); for a store from `createStore`, drops its data. */
  dispose(): Promise<void>;
}

/** What a backend provides to run the repository contract against it. */
export interface RepositoryContractHarness {
  /** A new, empty store. `now` is the repositories' clock (updated_at). */
  createStore(options?: { now?: () => Date }): Promise<ContractStore>;
}

/** The error a promise rejects with, checked to be a saved objects client error. */
export async function rejection(promise: Promise<unknown>): Promise<SavedObjectsClientError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SavedObjectsClientError);
    return error as SavedObjectsClientError;
  }
  throw new Error('expected a rejection');
}

/** Opens a fresh store before each test of the calling `describe`, and disposes of it after. */
export function useFreshStore(harness: RepositoryContractHarness): { readonly current: ContractStore } {
  const holder: { current?: ContractStore } = {};
  beforeEach(async () => {
    holder.current = await harness.createStore();
  });
  afterEach(async () => {
    await holder.current?.dispose();
    holder.current = undefined;
  });
  return {
    get current() {
      if (!holder.current) {
        throw new Error('no store: useFreshStore only works inside a test');
      }
      return holder.current;
    },
  };
}
