import { randomUUID } from 'crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Logger } from '../logging';

export const UUID_FILE_NAME = 'uuid';

/**
 * The server's instance uuid: `server.uuid` when configured, otherwise the one persisted under `path.data`,
 * otherwise a new one, written there so it survives restarts (as upstream's `resolveInstanceUuid`).
 */
export function resolveInstanceUuid({ configured, dataPath, logger }: { configured?: string; dataPath: string; logger: Logger }): string {
  mkdirSync(dataPath, { recursive: true });
  const file = join(dataPath, UUID_FILE_NAME);
  const stored = existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
  if (configured) {
    if (stored !== configured) {
      logger.debug(`Updating the persisted uuid to the configured server.uuid [${configured}]`);
      writeFileSync(file, configured);
    }
    return configured;
  }
  if (stored) return stored;
  const created = randomUUID();
  logger.info(`Generated a new server uuid [${created}], saved in ${file}`);
  writeFileSync(file, created);
  return created;
}
