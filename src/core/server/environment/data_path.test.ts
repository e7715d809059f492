import * as fs from 'fs';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DataPathError, ensureWritableDataPath } from './data_path';

function catchError(fn: () => void): DataPathError {
  try {
    fn();
  } catch (e) {
    return e as DataPathError;
  }
  throw new Error('expected a DataPathError');
}

describe('ensureWritableDataPath', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'data-path-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a missing folder (and its parents) and leaves no probe file behind', () => {
    const target = join(dir, 'a', 'b');
    ensureWritableDataPath(target);
    expect(existsSync(target)).toBe(true);
    expect(readdirSync(target)).toEqual([]);
    ensureWritableDataPath(target);
  });

  it('refuses a file', () => {
    const file = join(dir, 'file');
    writeFileSync(file, 'x');
    const error = catchError(() => ensureWritableDataPath(file));
    expect(error).toBeInstanceOf(DataPathError);
    expect(error.message).toBe(`cannot use [${file}] as the data folder: it is a file, not a folder`);
    expect(error.dataPath).toBe(file);
  });

  it('refuses a path under a file (which fails for root too)', () => {
    const file = join(dir, 'file');
    writeFileSync(file, 'x');
    expect(() => ensureWritableDataPath(join(file, 'data'))).toThrow(
      `cannot use [${join(file, 'data')}] as the data folder: a part of the path is a file, not a folder`
    );
  });

  it('refuses a folder where the probe cannot be written, with the reason', () => {
    const target = join(dir, 'data');
    mkdirSync(target);
    const denied = Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
    const readOnly = {
      ...fs,
      writeFileSync: () => {
        throw denied;
      },
    };
    expect(() => ensureWritableDataPath(target, readOnly)).toThrow(
      `cannot use [${target}] as the data folder: the folder is not writable: the file system is read-only (EROFS)`
    );
  });

  it('says when the folder cannot be created', () => {
    const target = join(dir, 'locked', 'data');
    const denied = {
      ...fs,
      mkdirSync: () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
    };
    expect(() => ensureWritableDataPath(target, denied)).toThrow('the data folder: cannot create it: permission denied (EACCES)');
  });
});
