import { SavedObjectsErrorHelpers } from '../errors';
import type {
  SavedObject,
  SavedObjectsAggregateOptions,
  SavedObjectsAggregateResponse,
  SavedObjectsBulkCreateObject,
  SavedObjectsBulkCreateOptions,
  SavedObjectsBulkGetObject,
  SavedObjectsBulkResponse,
  SavedObjectsCreateOptions,
  SavedObjectsDeleteOptions,
  SavedObjectsFindOptions,
  SavedObjectsFindResponse,
  SavedObjectsScanOptions,
  SavedObjectsUpdateOptions,
  SavedObjectsUpdateResponse,
} from '../types';
import type { ISavedObjectsRepository } from './repository';

/**
 * The client handed to request handlers and plugins. A thin layer over a repository, as upstream:
 * wrappers (security, spaces) would later sit between the two. Counters are not on the client, as
 * upstream: they are a server-side concern reached through an internal repository.
 */
export class SavedObjectsClient {
  public static errors = SavedObjectsErrorHelpers;
  public errors = SavedObjectsErrorHelpers;

  constructor(private readonly repository: ISavedObjectsRepository) {}

  async create<T = unknown>(
    type: string,
    attributes: T,
    options?: SavedObjectsCreateOptions
  ): Promise<SavedObject<T>> {
    return await this.repository.create(type, attributes, options);
  }

  async bulkCreate<T = unknown>(
    objects: Array<SavedObjectsBulkCreateObject<T>>,
    options?: SavedObjectsBulkCreateOptions
  ): Promise<SavedObjectsBulkResponse<T>> {
    return await this.repository.bulkCreate(objects, options);
  }

  async delete(type: string, id: string, options: SavedObjectsDeleteOptions = {}) {
    return await this.repository.delete(type, id, options);
  }

  async find<T = unknown>(options: SavedObjectsFindOptions): Promise<SavedObjectsFindResponse<T>> {
    return await this.repository.find<T>(options);
  }

  async bulkGet<T = unknown>(
    objects: SavedObjectsBulkGetObject[] = []
  ): Promise<SavedObjectsBulkResponse<T>> {
    return await this.repository.bulkGet<T>(objects);
  }

  /** Every object of some types, page by page, in bounded reads; see the repository's `scan`. */
  scan<T = unknown>(options: SavedObjectsScanOptions): AsyncGenerator<Array<SavedObject<T>>, void, undefined> {
    return this.repository.scan<T>(options);
  }

  /** Grouped sums computed in the store, bounded in size; see the repository's `aggregate`. */
  async aggregate(options: SavedObjectsAggregateOptions): Promise<SavedObjectsAggregateResponse> {
    return await this.repository.aggregate(options);
  }

  async get<T = unknown>(type: string, id: string): Promise<SavedObject<T>> {
    return await this.repository.get<T>(type, id);
  }

  async update<T = unknown>(
    type: string,
    id: string,
    attributes: Partial<T>,
    options: SavedObjectsUpdateOptions = {}
  ): Promise<SavedObjectsUpdateResponse<T>> {
    return await this.repository.update<T>(type, id, attributes, options);
  }
}

/** What request handlers may call. */
export type SavedObjectsClientContract = Pick<SavedObjectsClient, keyof SavedObjectsClient>;
