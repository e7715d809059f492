import { SESSION_TYPE, type SessionAttributes } from './saved_object_types';
import { SessionStore, type SessionStoreOptions } from './session_store';
import { sha256Hex } from './tokens';
import { createSecurityTestStore, type SecurityTestStore } from './test_store';

const MINUTE = 60_000;

describe('SessionStore', () => {
  let store: SecurityTestStore;
  let clock: number;

  const make = (options: Partial<SessionStoreOptions> = {}) =>
    new SessionStore({
      repository: store.repository,
      idleTimeoutMs: 10 * MINUTE,
      lifespanMs: 60 * MINUTE,
      now: () => clock,
      ...options,
    });
  const raw = (sid: string) => store.repository.get<SessionAttributes>(SESSION_TYPE, sha256Hex(sid));
  const count = async () => (await store.repository.find({ type: SESSION_TYPE, perPage: 0 })).total;

  beforeEach(async () => {
    store = await createSecurityTestStore();
    clock = Date.UTC(2025, 0, 1);
  });
  afterEach(() => store.close());

  it('creates an opaque id and stores only its hash', async () => {
    const sessions = make();
    const { sid, session } = await sessions.create('alice', 'basic');
    expect(sid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session).toEqual({
      username: 'alice',
      authType: 'basic',
      createdAt: clock,
      idleExpiresAt: clock + 10 * MINUTE,
      absoluteExpiresAt: clock + 60 * MINUTE,
    });
    const doc = await raw(sid);
    expect(doc.id).toBe(sha256Hex(sid));
    expect(JSON.stringify(doc)).not.toContain(sid);
    expect(await sessions.get(sid)).toEqual(session);
  });

  it('returns nothing for unknown, malformed and revoked ids', async () => {
    const sessions = make();
    const { sid } = await sessions.create('alice', 'basic');
    expect(await sessions.get('A'.repeat(43))).toBeUndefined();
    expect(await sessions.get(sid + 'x')).toBeUndefined();
    expect(await sessions.get('')).toBeUndefined();
    expect(await sessions.revoke(sid)).toBe(true);
    expect(await sessions.get(sid)).toBeUndefined();
    expect(await sessions.revoke(sid)).toBe(false);
    expect(await sessions.revoke('nope')).toBe(false);
  });

  it('ends an idle session and deletes it', async () => {
    const sessions = make();
    const { sid } = await sessions.create('alice', 'basic');
    clock += 10 * MINUTE - 1;
    expect(await sessions.get(sid)).toBeDefined();
    clock += 10 * MINUTE;
    expect(await sessions.get(sid)).toBeUndefined();
    expect(await count()).toBe(0);
  });

  it('extends the idle expiry at most once a minute', async () => {
    const sessions = make();
    const { sid } = await sessions.create('alice', 'basic');
    const first = await raw(sid);
    clock += MINUTE - 1;
    expect((await sessions.get(sid))!.idleExpiresAt).toBe(first.attributes.idle_expires_at);
    expect((await raw(sid)).version).toBe(first.version);
    clock += 1;
    expect((await sessions.get(sid))!.idleExpiresAt).toBe(clock + 10 * MINUTE);
    const second = await raw(sid);
    expect(second.version).not.toBe(first.version);
    expect(second.attributes).toMatchObject({ idle_expires_at: clock + 10 * MINUTE, expires_at: clock + 10 * MINUTE });
    clock += 30_000;
    await sessions.get(sid);
    expect((await raw(sid)).version).toBe(second.version);
  });

  it('keeps an active session alive past the idle timeout but never past its lifespan', async () => {
    const sessions = make();
    const { sid } = await sessions.create('alice', 'basic');
    for (let minutes = 5; minutes < 60; minutes += 5) {
      clock += 5 * MINUTE;
      expect(await sessions.get(sid)).toBeDefined();
    }
    expect((await raw(sid)).attributes.idle_expires_at).toBe(Date.UTC(2025, 0, 1) + 60 * MINUTE);
    clock += 5 * MINUTE;
    expect(await sessions.get(sid)).toBeUndefined();
  });

  it('is shared by servers using one store: create on one, read and revoke on another', async () => {
    const a = make();
    const b = make({ repository: await store.openSecond() });
    const { sid } = await a.create('alice', 'basic');
    expect((await b.get(sid))!.username).toBe('alice');
    clock += 2 * MINUTE;
    await b.get(sid);
    clock += 9 * MINUTE;
    expect(await a.get(sid)).toBeDefined(); // b's extension is seen by a
    expect(await b.revoke(sid)).toBe(true);
    expect(await a.get(sid)).toBeUndefined();
  });

  it('sweeps expired sessions in bounded batches, oldest expiry first', async () => {
    const sessions = make({ sweepBatchSize: 2 });
    const start = clock;
    const expiring = [];
    for (let i = 0; i < 5; i++) {
      expiring.push((await sessions.create(`user${i}`, 'basic')).sid);
      clock += 1000;
    }
    clock = start + 10 * MINUTE + 2500; // the first three have passed their idle expiry
    const live = (await sessions.create('late', 'basic')).sid;
    expect(await sessions.sweep()).toBe(2);
    expect(await sessions.sweep()).toBe(1);
    expect(await sessions.sweep()).toBe(0);
    expect(await count()).toBe(3);
    expect(await sessions.get(expiring[3])).toBeDefined();
    expect(await sessions.get(live)).toBeDefined();
  });

  it('refuses bad options and inputs', async () => {
    expect(() => make({ idleTimeoutMs: 0 })).toThrow('[idleTimeoutMs]: must be a positive whole number of milliseconds');
    expect(() => make({ lifespanMs: 1.5 })).toThrow('[lifespanMs]');
    expect(() => make({ idleTimeoutMs: MINUTE })).toThrow('[idleTimeoutMs]: must be longer than extendIntervalMs');
    await expect(make().create('bad name', 'basic')).rejects.toThrow('[username]');
    await expect(make().create('alice', 'Basic Auth')).rejects.toThrow('[authType]: must be a lowercase identifier');
  });
});
