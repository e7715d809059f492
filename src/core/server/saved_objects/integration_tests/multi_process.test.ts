/*
 * Two server processes on one SQLite file, and a process killed with SIGKILL mid-stream.
 * These fork a real child (TypeScript loaded through esbuild-register), hence the integration project.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createTempDir, createTestLogger } from '../repository/test_utils';
import { SavedObjectsService } from '../saved_objects_service';
import type { SavedObjectsType } from '../types';
import { decodeVersion } from '../version';

// The integration project's testTimeout is not applied by Jest 29 at project level; set it here.
jest.setTimeout(60_000);

const WRITER = join(__dirname, 'fixtures', 'writer_process.ts');

const types: SavedObjectsType[] = [
  {
    name: 'ui-metric',
    hidden: false,
    namespaceType: 'agnostic',
    mappings: { properties: { count: { type: 'integer' } } },
  },
  {
    name: 'note',
    hidden: false,
    namespaceType: 'single',
    mappings: { properties: { n: { type: 'integer' } } },
  },
];

function startWriter(dataPath: string, mode: string, count = 0) {
  return fork(WRITER, [dataPath, mode, String(count)], {
    execArgv: ['-r', require.resolve('esbuild-register')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

function nextMessage<T>(child: ChildProcess, predicate: (m: any) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: any) => {
      if (predicate(message)) {
        cleanup();
        resolve(message);
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`writer exited early with code ${code}`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

async function startService(dataPath: string) {
  const service = new SavedObjectsService({ logger: createTestLogger(), dataPath });
  const setup = service.setup();
  types.forEach((type) => setup.registerType(type));
  const start = await service.start();
  return { service, repository: start.createInternalRepository() };
}

describe('saved objects across processes', () => {
  const temp = createTempDir('saved-objects-mp-');
  afterAll(() => temp.cleanup());

  it('two processes incrementing the same counter concurrently give the exact sum', async () => {
    const dataPath = join(temp.dir, 'concurrent');
    const { service, repository } = await startService(dataPath);
    const child = startWriter(dataPath, 'increment', 400);
    try {
      await nextMessage(child, (m) => m.ready);
      const childDone = nextMessage<{ done: number }>(child, (m) => m.done !== undefined);
      child.send('go');
      const ourSeqNos: number[] = [];
      for (let i = 0; i < 400; i++) {
        const { version } = await repository.incrementCounter('ui-metric', 'shared', 'count');
        ourSeqNos.push(decodeVersion(version).seqNo);
        if (i % 10 === 0) {
          // A server is not a tight write loop; idle moments let the other process take the lock.
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      }
      expect((await childDone).done).toBe(400);
      const { attributes } = await repository.get('ui-metric', 'shared');
      expect(attributes).toEqual({ count: 800 });
      // The child's writes landed between ours: the two processes really did contend.
      const interleaved = ourSeqNos.filter((seqNo, i) => i > 0 && seqNo !== ourSeqNos[i - 1] + 1);
      expect(interleaved.length).toBeGreaterThan(0);
    } finally {
      child.kill();
      await service.stop();
    }
  });

  it('every write acknowledged before kill -9 is there after restart', async () => {
    const dataPath = join(temp.dir, 'killed');
    const child = startWriter(dataPath, 'acked');
    let lastAck = -1;
    child.on('message', (m: any) => {
      if (typeof m.acked === 'number') {
        lastAck = m.acked;
      }
    });
    await nextMessage(child, (m) => typeof m.acked === 'number' && m.acked >= 60);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(lastAck).toBeGreaterThanOrEqual(60);

    const { service, repository } = await startService(dataPath);
    try {
      const { saved_objects: found } = await repository.bulkGet(
        Array.from({ length: lastAck + 1 }, (_, n) => ({ type: 'note', id: `n-${n}` }))
      );
      expect(found.filter((o) => o.error)).toEqual([]);
      expect(found.map((o) => (o.attributes as { n: number }).n)).toEqual(
        Array.from({ length: lastAck + 1 }, (_, n) => n)
      );
      // The store is writable again after the crash.
      await expect(repository.create('note', { n: -1 }, { id: 'after' })).resolves.toBeTruthy();
    } finally {
      await service.stop();
    }
  });
});
