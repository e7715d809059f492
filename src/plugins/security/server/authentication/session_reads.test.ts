import { BruteForceGuard } from '../brute_force';
import { CredentialCache } from '../credential_cache';
import type { Session } from '../session_store';
import { sha256Hex } from '../tokens';
import { Authenticator, type CachedIdentity } from './authenticator';

const SID = 'A'.repeat(43);
const cookie = { cookie: `osd_sid=${SID}` };
const session: Session = { username: 'alice', authType: 'basic', createdAt: 0, idleExpiresAt: 1, absoluteExpiresAt: 1 };
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Stores that count their reads; `revoked` and `roles` change what the next read finds. */
function setup() {
  const state = { revoked: false, roles: ['viewer'], lookups: 0, userReads: 0, gate: undefined as Promise<void> | undefined };
  const sessions = {
    lookup: async (sid: string) => {
      state.lookups++;
      const revoked = state.revoked;
      await state.gate;
      return sid === SID && !revoked ? { id: sha256Hex(sid), session } : undefined;
    },
    revoke: async () => true,
  };
  const users = {
    get: async (username: string) => (state.userReads++, { username, roles: [...state.roles] }),
    verifyPassword: async () => undefined,
  };
  const authenticator = new Authenticator({
    users,
    sessions,
    apiKeys: { verify: async () => ({ ok: false as const, reason: 'not_found' as const }) },
    cache: new CredentialCache<CachedIdentity>(),
    guard: new BruteForceGuard(),
  });
  return { state, authenticator };
}

describe('Authenticator session reads', () => {
  it('reads a session once for the requests of one turn, each getting its own state', async () => {
    const { state, authenticator } = setup();
    const outcomes = await Promise.all([1, 2, 3].map(() => authenticator.authenticate(cookie)));
    expect([state.lookups, state.userReads]).toEqual([1, 1]);
    const expected = { kind: 'authenticated', state: { username: 'alice', roles: ['viewer'], authenticationType: 'session', sessionId: sha256Hex(SID) } };
    for (const outcome of outcomes) expect(outcome).toEqual(expected);
    const [a, b] = outcomes as Array<{ state: { roles: string[] } }>;
    expect(a.state).not.toBe(b.state);
    expect(a.state.roles).not.toBe(b.state.roles);
  });

  it('reads again for a request arriving later, so a logout or a role change before it is seen', async () => {
    const { state, authenticator } = setup();
    expect(await authenticator.authenticate(cookie)).toMatchObject({ kind: 'authenticated', state: { roles: ['viewer'] } });
    state.roles = ['admin'];
    expect(await authenticator.authenticate(cookie)).toMatchObject({ kind: 'authenticated', state: { roles: ['admin'] } });
    state.revoked = true;
    expect(await authenticator.authenticate(cookie)).toMatchObject({ kind: 'failed', credential: 'session', reason: 'session expired or revoked' });
    expect(state.lookups).toBe(3);
  });

  it('never joins a read that has already started', async () => {
    const { state, authenticator } = setup();
    let open: () => void = () => undefined;
    state.gate = new Promise((resolve) => (open = resolve));
    const first = authenticator.authenticate(cookie);
    await nextTurn();
    // The first read is under way (it saw the session live); the session is revoked, then a request comes.
    expect(state.lookups).toBe(1);
    state.revoked = true;
    const second = authenticator.authenticate(cookie);
    open();
    expect(await first).toMatchObject({ kind: 'authenticated' });
    expect(await second).toMatchObject({ kind: 'failed', reason: 'session expired or revoked' });
    expect(state.lookups).toBe(2);
  });
});
