import { randomUUID } from 'crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Logger } from '../logging';
import { DataPathError } from './data_path';

export const UUID_FILE_NAME = 'uuid';

/**
 * The server's instance uuid: `server.uuid` when configured, otherwise the one persisted under `path.data`,
 * otherwise a new one, written there so it survives restarts (as upstream's `resolveInstanceUuid`).
 * A uuid file that cannot be read or written is a `DataPathError`: the operator fixes it in `path.data`.
 */
export function resolveInstanceUuid({ configured, dataPath, logger }: { configured?: string; dataPath: string; logger: Logger }): string {
  const file = join(dataPath, UUID_FILE_NAME);
  const onFile = <T>(action: string, work: () => T): T => {
    try {
      return work();
    } catch (error) {
      throw new DataPathError(dataPath, `cannot ${action} the uuid file [${file}]: ${(error as Error).message}`, error);
    }
  };
  onFile('create the folder of', () => mkdirSync(dataPath, { recursive: true }));
  const stored = onFile('read', () => (existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined));
  if (configured) {
    if (stored !== configured) {
      logger.debug(`Updating the persisted uuid to the configured server.uuid [${configured}]`);
      onFile('write', () => writeFileSync(file, configured));
    }
    return configured;
  }
  if (stored) return stored;
  const created = randomUUID();
  onFile('write', () => writeFileSync(file, created));
  logger.info(`Generated a new server uuid [${created}], saved in ${file}`);
  return created;
}
