import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { openSqliteStore, SQLITE_FILE } from './sqlite_store';
import { describeFleetStoreContract, rejected, report } from './store_contract';

let dir = '';
describeFleetStoreContract('SQLite', {
  open: async () => {
    dir = mkdtempSync(join(tmpdir(), 'receiver-store-'));
    return openSqliteStore({ dataDir: join(dir, 'data') });
  },
  reopen: async () => openSqliteStore({ dataDir: join(dir, 'data') }),
  cleanup: async () => rmSync(dir, { recursive: true, force: true }),
});

describe('the SQLite fleet store', () => {
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'receiver-store-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the newest maxRejected rejected reports', async () => {
    const store = openSqliteStore({ dataDir: dir, maxRejected: 2 });
    for (let i = 1; i <= 4; i++) await store.addRejected(rejected({ timestamp: `2026-03-0${i}T00:00:00.000Z`, path: `p${i}` }));
    expect((await store.listRejected({ limit: 10 })).rejected.map((r) => r.path)).toEqual(['p4', 'p3']);
    await store.close();
  });

  it('writes one row per report in a file under --data', async () => {
    const store = openSqliteStore({ dataDir: dir });
    await store.addReport(report());
    await store.addReport(report());
    await store.close();
    const db = new Database(join(dir, SQLITE_FILE), { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n).toBe(1);
    db.close();
  });
});
