import * as nodeFs from 'fs';
import { join } from 'path';

/** `path.data` cannot hold the server's files; the message says why, without a stack (it is the operator's to fix). */
export class DataPathError extends Error {
  constructor(public readonly dataPath: string, reason: string, public readonly cause?: unknown) {
    super(`cannot use [${dataPath}] as the data folder: ${reason}`);
    this.name = 'DataPathError';
  }
}

/** The file-system calls the check needs; Node's by default. */
export type DataPathFs = Pick<typeof nodeFs, 'statSync' | 'mkdirSync' | 'writeFileSync' | 'unlinkSync'>;

const reasonOf = (error: unknown) => {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  if (code === 'EACCES' || code === 'EPERM') return `permission denied (${code})`;
  if (code === 'EROFS') return 'the file system is read-only (EROFS)';
  return message;
};

/**
 * Makes sure `dataPath` is a folder the server can write to: creates it when missing, then writes and removes
 * a probe file. Writing is the only honest test: permission bits say nothing for root, and a read-only mount
 * or a full disk only shows on a write. Throws a `DataPathError`.
 */
export function ensureWritableDataPath(dataPath: string, fs: DataPathFs = nodeFs): void {
  let stats: nodeFs.Stats | undefined;
  try {
    stats = fs.statSync(dataPath, { throwIfNoEntry: false });
  } catch (error) {
    throw new DataPathError(dataPath, reasonOf(error), error);
  }
  if (stats && !stats.isDirectory()) {
    throw new DataPathError(dataPath, 'it is a file, not a folder');
  }
  if (!stats) {
    try {
      fs.mkdirSync(dataPath, { recursive: true });
    } catch (error) {
      throw new DataPathError(dataPath, `cannot create it: ${reasonOf(error)}`, error);
    }
  }
  const probe = join(dataPath, `.write-check-${process.pid}`);
  try {
    fs.writeFileSync(probe, '', { flag: 'w' });
    fs.unlinkSync(probe);
  } catch (error) {
    throw new DataPathError(dataPath, `the folder is not writable: ${reasonOf(error)}`, error);
  }
}
