import { SavedObjectsErrorHelpers } from '../../errors';
import { decodeVersion, encodeVersion } from '../../version';
import { SavedObjectsRepository } from '../repository';
import { createTestRegistry } from '../test_utils';
import { rejection, useFreshStore, type RepositoryContractHarness } from './types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** create, bulkCreate, get, bulkGet, update, delete and versions: one fresh store per test. */
export function describeCrudContract(harness: RepositoryContractHarness) {
  describe('create, read, update, delete', () => {
    const fresh = useFreshStore(harness);
    const store = () => fresh.current;

    describe('create', () => {
      it('stores an object with a generated uuid v4 and returns it in upstream shape', async () => {
        const created = await store().repository.create('dashboard', { title: 'Logs' });
        expect(created.id).toMatch(UUID);
        expect(created).toEqual({
          id: created.id,
          type: 'dashboard',
          namespaces: ['default'],
          attributes: { title: 'Logs' },
          references: [],
          updated_at: expect.any(String),
          version: expect.any(String),
        });
        expect(new Date(created.updated_at!).toISOString()).toBe(created.updated_at);
        expect(await store().repository.get('dashboard', created.id)).toMatchObject({
          attributes: { title: 'Logs' },
          version: created.version,
        });
      });

      it('keeps id, references, migrationVersion and originId', async () => {
        const references = [{ name: 'ref_0', type: 'visualization', id: 'v1' }];
        const created = await store().repository.create(
          'dashboard',
          { title: 'A' },
          { id: 'd1', references, migrationVersion: { dashboard: '7.9.3' }, originId: 'o1' }
        );
        expect(created).toMatchObject({
          id: 'd1',
          references,
          migrationVersion: { dashboard: '7.9.3' },
          originId: 'o1',
        });
        const read = await store().repository.get('dashboard', 'd1');
        expect(read.migrationVersion).toEqual({ dashboard: '7.9.3' });
        expect(read.references).toEqual(references);
      });

      it('fails with 409 on an existing id unless overwrite, which replaces the whole object', async () => {
        await store().repository.create('dashboard', { title: 'A', description: 'x' }, { id: 'd1' });
        const error = await rejection(store().repository.create('dashboard', { title: 'B' }, { id: 'd1' }));
        expect(SavedObjectsErrorHelpers.isConflictError(error)).toBe(true);
        expect(error.statusCode).toBe(409);
        expect(error.message).toBe('Saved object [dashboard/d1] conflict');

        await store().repository.create('dashboard', { title: 'B' }, { id: 'd1', overwrite: true });
        expect((await store().repository.get('dashboard', 'd1')).attributes).toEqual({ title: 'B' });
      });

      it('with overwrite and version, replaces only the expected version', async () => {
        const first = await store().repository.create('dashboard', { title: 'A' }, { id: 'd1' });
        const second = await store().repository.create(
          'dashboard',
          { title: 'B' },
          { id: 'd1', overwrite: true, version: first.version }
        );
        const stale = await rejection(
          store().repository.create(
            'dashboard',
            { title: 'C' },
            { id: 'd1', overwrite: true, version: first.version }
          )
        );
        expect(SavedObjectsErrorHelpers.isConflictError(stale)).toBe(true);
        // A version for an object that does not exist is a conflict too, as in OpenSearch.
        const missing = await rejection(
          store().repository.create(
            'dashboard',
            { title: 'C' },
            { id: 'nope', overwrite: true, version: second.version }
          )
        );
        expect(missing.statusCode).toBe(409);
      });

      it('rejects unknown and hidden types with 400 unsupported type', async () => {
        const unknown = await rejection(store().repository.create('nope', {}));
        expect(unknown.statusCode).toBe(400);
        expect(unknown.message).toBe("Unsupported saved object type: 'nope': Bad Request");
        expect(SavedObjectsErrorHelpers.isBadRequestError(unknown)).toBe(true);
        const hidden = await rejection(store().repository.create('secret', { value: 'x' }));
        expect(hidden.message).toBe("Unsupported saved object type: 'secret': Bad Request");
        await expect(store().repositoryWithHidden.create('secret', { value: 'x' })).resolves.toMatchObject(
          { type: 'secret' }
        );
      });

      it('reports namespaces like upstream per namespace type', async () => {
        expect((await store().repository.create('config', {}, { id: 'c' })).namespaces).toBeUndefined();
        expect((await store().repository.create('shared', {}, { id: 's' })).namespaces).toEqual(['default']);
        expect((await store().repository.get('config', 'c')).namespaces).toEqual([]);
        expect((await store().repository.get('shared', 's')).namespaces).toEqual(['default']);
      });
    });

    describe('versions', () => {
      it('are base64 of [seqNo, primaryTerm], with seqNo growing on every write', async () => {
        const a = await store().repository.create('dashboard', {}, { id: 'a' });
        const b = await store().repository.create('dashboard', {}, { id: 'b' });
        const a2 = await store().repository.update('dashboard', 'a', { title: 'x' });
        const [va, vb, va2] = [a, b, a2].map((o) => decodeVersion(o.version));
        expect(JSON.parse(Buffer.from(a.version!, 'base64').toString())).toEqual([va.seqNo, 1]);
        expect(va.primaryTerm).toBe(1);
        expect(vb.seqNo).toBeGreaterThan(va.seqNo);
        expect(va2.seqNo).toBeGreaterThan(vb.seqNo);
        expect(a.version).toBe(encodeVersion(va.seqNo, 1));
      });
    });

    describe('bulkCreate', () => {
      it('returns per-object results and errors in request order', async () => {
        await store().repository.create('dashboard', { title: 'old' }, { id: 'taken' });
        const { saved_objects: results } = await store().repository.bulkCreate([
          { type: 'dashboard', id: 'new', attributes: { title: 'N' } },
          { type: 'dashboard', id: 'taken', attributes: { title: 'T' } },
          { type: 'nope', id: 'x', attributes: {} },
          { type: 'visualization', attributes: { title: 'V' } },
          { type: 'secret', id: 's', attributes: {} },
        ]);
        expect(results).toHaveLength(5);
        expect(results[0]).toMatchObject({ id: 'new', type: 'dashboard', attributes: { title: 'N' } });
        expect(results[0].version).toEqual(expect.any(String));
        expect(results[1]).toEqual({
          id: 'taken',
          type: 'dashboard',
          error: { statusCode: 409, error: 'Conflict', message: 'Saved object [dashboard/taken] conflict' },
        });
        expect(results[2]).toEqual({
          id: 'x',
          type: 'nope',
          error: {
            statusCode: 400,
            error: 'Bad Request',
            message: "Unsupported saved object type: 'nope': Bad Request",
          },
        });
        expect(results[3].id).toMatch(UUID);
        expect(results[4].error?.statusCode).toBe(400);
        expect((await store().repository.get('dashboard', 'taken')).attributes).toEqual({ title: 'old' });
      });

      it('overwrites with overwrite: true, honouring per-object versions', async () => {
        const a = await store().repository.create('dashboard', { title: 'a' }, { id: 'a' });
        await store().repository.create('dashboard', { title: 'b' }, { id: 'b' });
        const { saved_objects: results } = await store().repository.bulkCreate(
          [
            { type: 'dashboard', id: 'a', attributes: { title: 'a2' }, version: a.version },
            { type: 'dashboard', id: 'b', attributes: { title: 'b2' }, version: a.version },
          ],
          { overwrite: true }
        );
        expect(results[0].attributes).toEqual({ title: 'a2' });
        expect(results[1].error?.statusCode).toBe(409);
      });

      it('accepts an empty list', async () => {
        expect(await store().repository.bulkCreate([])).toEqual({ saved_objects: [] });
      });
    });

    describe('get and bulkGet', () => {
      it('get: 404 with upstream message for missing objects, hidden and unknown types', async () => {
        await store().repositoryWithHidden.create('secret', { value: 's' }, { id: 's1' });
        for (const [type, id] of [
          ['dashboard', 'missing'],
          ['secret', 's1'],
          ['nope', 'x'],
        ]) {
          const error = await rejection(store().repository.get(type, id));
          expect(SavedObjectsErrorHelpers.isNotFoundError(error)).toBe(true);
          expect(error.output.statusCode).toBe(404);
          expect(error.message).toBe(`Saved object [${type}/${id}] not found`);
        }
        expect((await store().repositoryWithHidden.get('secret', 's1')).attributes).toEqual({ value: 's' });
      });

      it('bulkGet: found objects, 404 entries for missing, 400 for unsupported, fields', async () => {
        await store().repository.create('dashboard', { title: 'T', description: 'D' }, { id: 'd1' });
        await store().repository.create('visualization', { title: 'V', rank: 3 }, { id: 'v1' });
        const { saved_objects: results } = await store().repository.bulkGet([
          { type: 'dashboard', id: 'd1' },
          { type: 'dashboard', id: 'missing' },
          { type: 'secret', id: 's' },
          { type: 'visualization', id: 'v1', fields: ['rank'] },
        ]);
        expect(results[0]).toMatchObject({ id: 'd1', attributes: { title: 'T', description: 'D' } });
        expect(results[1]).toEqual({
          id: 'missing',
          type: 'dashboard',
          error: {
            statusCode: 404,
            error: 'Not Found',
            message: 'Saved object [dashboard/missing] not found',
          },
        });
        expect(results[2]).toMatchObject({ id: 's', type: 'secret', error: { statusCode: 400 } });
        expect(results[3].attributes).toEqual({ rank: 3 });
        expect(await store().repository.bulkGet([])).toEqual({ saved_objects: [] });
      });
    });

    describe('update', () => {
      it('merges attributes, replaces references when given, returns the sent attributes', async () => {
        await store().repository.create(
          'dashboard',
          { title: 'T', description: 'D', options: { a: 1, b: 2 }, tags: ['x', 'y'] },
          { id: 'd1', references: [{ name: 'r', type: 'visualization', id: 'v1' }] }
        );
        const updated = await store().repository.update('dashboard', 'd1', {
          description: 'D2',
          options: { b: 3 },
          tags: ['z'],
        } as Record<string, unknown>);
        expect(updated).toEqual({
          id: 'd1',
          type: 'dashboard',
          updated_at: expect.any(String),
          version: expect.any(String),
          namespaces: ['default'],
          references: undefined,
          attributes: { description: 'D2', options: { b: 3 }, tags: ['z'] },
        });
        const read = await store().repository.get('dashboard', 'd1');
        expect(read.attributes).toEqual({
          title: 'T',
          description: 'D2',
          options: { a: 1, b: 3 },
          tags: ['z'],
        });
        expect(read.references).toHaveLength(1);
        expect(read.version).toBe(updated.version);

        await store().repository.update('dashboard', 'd1', {}, { references: [] });
        expect((await store().repository.get('dashboard', 'd1')).references).toEqual([]);
      });

      it('409 on a stale version, 400 on a malformed one, 404 when missing', async () => {
        const created = await store().repository.create('dashboard', { title: 'T' }, { id: 'd1' });
        const ok = await store().repository.update('dashboard', 'd1', { title: 'U' }, { version: created.version });
        const stale = await rejection(
          store().repository.update('dashboard', 'd1', { title: 'V' }, { version: created.version })
        );
        expect(SavedObjectsErrorHelpers.isConflictError(stale)).toBe(true);
        expect(stale.output.payload).toEqual({
          statusCode: 409,
          error: 'Conflict',
          message: 'Saved object [dashboard/d1] conflict',
        });
        await expect(
          store().repository.update('dashboard', 'd1', { title: 'W' }, { version: ok.version })
        ).resolves.toMatchObject({ attributes: { title: 'W' } });

        const invalid = await rejection(
          store().repository.update('dashboard', 'd1', {}, { version: 'not-a-version' })
        );
        expect(SavedObjectsErrorHelpers.isInvalidVersionError(invalid)).toBe(true);
        expect(invalid.statusCode).toBe(400);
        expect(invalid.message).toBe('Invalid version [not-a-version]');

        const missing = await rejection(store().repository.update('dashboard', 'nope', { title: 'x' }));
        expect(missing.message).toBe('Saved object [dashboard/nope] not found');
        const hidden = await rejection(store().repository.update('secret', 'x', {}));
        expect(hidden.statusCode).toBe(404);
      });
    });

    describe('delete', () => {
      it('removes the object, then 404s', async () => {
        await store().repository.create('dashboard', { title: 'T' }, { id: 'd1' });
        expect(await store().repository.delete('dashboard', 'd1')).toEqual({});
        expect((await rejection(store().repository.get('dashboard', 'd1'))).statusCode).toBe(404);
        const again = await rejection(store().repository.delete('dashboard', 'd1'));
        expect(again.message).toBe('Saved object [dashboard/d1] not found');
        expect((await rejection(store().repository.delete('secret', 'x'))).statusCode).toBe(404);
      });

      it('a re-created object never reuses an old version', async () => {
        const first = await store().repository.create('dashboard', {}, { id: 'd1' });
        await store().repository.delete('dashboard', 'd1');
        const second = await store().repository.create('dashboard', {}, { id: 'd1' });
        expect(decodeVersion(second.version).seqNo).toBeGreaterThan(decodeVersion(first.version).seqNo);
      });
    });

    describe('createRepository', () => {
      it('includes hidden types only when asked, and refuses unregistered ones', async () => {
        const registry = createTestRegistry();
        const plain = SavedObjectsRepository.createRepository(registry, store().backend);
        await expect(plain.create('secret', {})).rejects.toThrow(/Unsupported saved object type/);
        const withHidden = SavedObjectsRepository.createRepository(registry, store().backend, ['secret']);
        await expect(withHidden.create('secret', {}, { id: 'x' })).resolves.toMatchObject({ id: 'x' });
        expect(() =>
          SavedObjectsRepository.createRepository(registry, store().backend, ['nope', 'other'])
        ).toThrow("Missing mappings for saved objects types: 'nope, other'");
      });
    });

    it('maps a closed store to 503 unavailable', async () => {
      await store().backend.close();
      const error = await rejection(store().repository.get('dashboard', 'x'));
      expect(SavedObjectsErrorHelpers.isOpenSearchUnavailableError(error)).toBe(true);
      expect(error.statusCode).toBe(503);
    });
  });
}
