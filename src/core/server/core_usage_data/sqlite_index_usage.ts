import { existsSync, statSync } from 'fs';
import { join } from 'path';
import { ISavedObjectsRepository, SQLITE_FILE_NAME } from '../saved_objects';
import { SavedObjectsIndexUsage } from './types';

/**
 * The embedded store's counterpart of an index's stats: documents counted through the repository, size read
 * from the database file and its write-ahead log. There are no deleted-but-kept documents in SQLite.
 */
export async function getSqliteIndexUsage({
  repository,
  types,
  dataPath,
  alias,
}: {
  repository: ISavedObjectsRepository;
  types: string[];
  dataPath: string;
  alias: string;
}): Promise<SavedObjectsIndexUsage[]> {
  const { total } = types.length ? await repository.find({ type: types, perPage: 0 }) : { total: 0 };
  const file = join(dataPath, SQLITE_FILE_NAME);
  const size = [file, `${file}-wal`].reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0);
  return [{ alias, docsCount: total, docsDeleted: 0, storeSizeBytes: size, primaryStoreSizeBytes: size }];
}
