import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IRouter } from '../http';
import type { Logger } from '../logging/types';
import { SqliteSavedObjectsBackend } from './backend/sqlite/sqlite_backend';
import type { SqliteSynchronousMode } from './backend/sqlite/sqlite_schema';
import type { SavedObjectsBackend, SavedObjectsBackendFactory } from './backend/types';
import { CounterGroupCommit } from './counters/counter_group_commit';
import type { SavedObjectsCounters } from './counters/types';
import { SavedObjectsRepository, type ISavedObjectsRepository } from './repository/repository';
import {
  SavedObjectsClient,
  type SavedObjectsClientContract,
} from './repository/saved_objects_client';
import {
  SavedObjectTypeRegistry,
  type ISavedObjectTypeRegistry,
} from './saved_objects_type_registry';
import { registerSavedObjectsRoutes, type SavedObjectsRoutesDeps } from './routes';
import type { SavedObjectsType } from './types';

/** File name of the default store inside `dataPath`. */
export const SQLITE_FILE_NAME = 'saved_objects.sqlite';

export interface SavedObjectsServiceOptions {
  logger: Logger;
  /** Folder of the server's data; created when missing. */
  dataPath: string;
  /** The store to use; the embedded SQLite file when omitted. Setup can still replace it. */
  backendFactory?: SavedObjectsBackendFactory;
}

/** What setup needs from other core services. */
export interface SavedObjectsSetupDeps {
  /** Core's HTTP service: when given, the `/api/saved_objects` routes are registered on a router of its own. */
  http?: { createRouter(): IRouter };
  /** Where the routes count their calls (`savedObjects.<method>`): core's usage counter. */
  usageCounter?: SavedObjectsRoutesDeps['usageCounter'];
}

export interface SavedObjectsServiceSetup {
  /** Registers a type. Throws for a name already taken, and once the service has started. */
  registerType(type: SavedObjectsType): void;
  /** Replaces the store (e.g. with OpenSearch). Once only, and before start. */
  setBackendFactory(factory: SavedObjectsBackendFactory): void;
}

export interface SavedObjectsClientProviderOptions {
  includedHiddenTypes?: string[];
}

export interface SavedObjectsServiceStart {
  /** A repository acting as the server itself; hidden types only if listed. */
  createInternalRepository(includedHiddenTypes?: string[]): ISavedObjectsRepository;
  /**
   * A repository acting for a request. There is no authentication yet, so it is the same as the
   * internal one; the request is taken now so callers need not change when security arrives.
   */
  createScopedRepository(request: unknown, includedHiddenTypes?: string[]): ISavedObjectsRepository;
  getScopedClient(
    request: unknown,
    options?: SavedObjectsClientProviderOptions
  ): SavedObjectsClientContract;
  getTypeRegistry(): ISavedObjectTypeRegistry;
  /**
   * The counters port: increments from any caller merged and group-committed, one backend write at a
   * time (see `counters/counter_group_commit.ts`). Every registered type is reachable, hidden ones too.
   */
  counters: SavedObjectsCounters;
}

/**
 * Default store: one SQLite file in the data folder, durable per acknowledged write, with its counter
 * commits and its finds and scans on worker threads so that neither stalls the event loop.
 */
export function createSqliteBackendFactory(
  options: { synchronous?: SqliteSynchronousMode; busyTimeoutMs?: number; counterThread?: boolean; readerThread?: boolean } = {}
): SavedObjectsBackendFactory {
  return ({ logger, dataPath }) => {
    mkdirSync(dataPath, { recursive: true });
    return new SqliteSavedObjectsBackend({
      filePath: join(dataPath, SQLITE_FILE_NAME),
      logger,
      counterThread: true,
      readerThread: true,
      ...options,
    });
  };
}

/**
 * Core's saved objects service. Setup collects types (and optionally another store); start opens
 * the store and hands out repositories and clients; stop closes it.
 */
export class SavedObjectsService {
  private readonly logger: Logger;
  private readonly dataPath: string;
  private readonly typeRegistry = new SavedObjectTypeRegistry();
  private backendFactory: SavedObjectsBackendFactory;
  private backendFactoryOverridden = false;
  private backend?: SavedObjectsBackend;
  private counters?: CounterGroupCommit;
  private started = false;

  constructor({ logger, dataPath, backendFactory }: SavedObjectsServiceOptions) {
    this.logger = logger;
    this.dataPath = dataPath;
    this.backendFactory = backendFactory ?? createSqliteBackendFactory();
  }

  public setup(deps: SavedObjectsSetupDeps = {}): SavedObjectsServiceSetup {
    if (deps.http) {
      registerSavedObjectsRoutes(deps.http.createRouter(), { usageCounter: deps.usageCounter });
    }
    return {
      registerType: (type) => {
        if (this.started) {
          throw new Error(
            `cannot call \`registerType\` after service startup (type '${type?.name}')`
          );
        }
        this.typeRegistry.registerType(type);
      },
      setBackendFactory: (factory) => {
        if (this.started) {
          throw new Error('cannot call `setBackendFactory` after service startup');
        }
        if (this.backendFactoryOverridden) {
          throw new Error('the saved objects backend factory is already set, and can only be set once');
        }
        this.backendFactoryOverridden = true;
        this.backendFactory = factory;
      },
    };
  }

  public async start(): Promise<SavedObjectsServiceStart> {
    if (this.started) {
      throw new Error('the saved objects service is already started');
    }
    // Marked first: types registered from now on would not be seen by repositories made below.
    this.started = true;
    const backend = this.backendFactory({
      logger: this.logger,
      dataPath: this.dataPath,
      typeRegistry: this.typeRegistry,
    });
    await backend.open();
    this.backend = backend;
    this.logger.info(
      `saved objects store open: ${backend.description} (${this.typeRegistry.getAllTypes().length} types)`
    );

    // One group commit per store: every repository's single increments and the port's calls share it.
    const counters = new CounterGroupCommit({ backend, registry: this.typeRegistry, logger: this.logger.get('counters') });
    this.counters = counters;
    const createRepository = (includedHiddenTypes: string[] = []) =>
      SavedObjectsRepository.createRepository(this.typeRegistry, backend, includedHiddenTypes, counters);

    return {
      createInternalRepository: (includedHiddenTypes) => createRepository(includedHiddenTypes),
      createScopedRepository: (_request, includedHiddenTypes) =>
        createRepository(includedHiddenTypes),
      getScopedClient: (_request, options = {}) =>
        new SavedObjectsClient(createRepository(options.includedHiddenTypes)),
      getTypeRegistry: () => this.typeRegistry,
      counters: {
        increment: (set) => counters.increment(set),
        onCommitted: (type, field, listener) => counters.onCommitted(type, field, listener),
        flush: () => counters.flush(),
      },
    };
  }

  public async stop() {
    const { backend, counters } = this;
    this.backend = undefined;
    this.counters = undefined;
    // Commits what is pending first: an increment accepted before stop is stored.
    await counters?.stop();
    if (backend) {
      await backend.close();
      this.logger.debug(`saved objects store closed: ${backend.description}`);
    }
  }
}
