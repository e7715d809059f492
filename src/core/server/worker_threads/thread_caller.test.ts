import { join } from 'node:path';
import { createRecordingLogger } from '../logging/logger.mock';
import { ThreadCaller, ThreadStoppedError } from './thread_caller';

type Request = { value: number; delayMs?: number; exit?: boolean };
const entry = join(__dirname, 'fixtures', 'arithmetic_worker');

describe('ThreadCaller', () => {
  const start = (workerData?: unknown, lines: string[] = []) =>
    ThreadCaller.start<Request, number>({ entry, workerData, description: 'the arithmetic thread', logger: createRecordingLogger(lines) });

  it('answers calls in order, and revives a failed call as an error with its name and fields', async () => {
    const caller = await start();
    expect(await Promise.all([caller.call({ value: 1, delayMs: 20 }), caller.call({ value: 2 }), caller.call({ value: 3 })])).toEqual([2, 4, 6]);
    const error = await caller.call({ value: -1 }).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.message, error.code, error.value]).toEqual(['RangeError', 'negative: -1', 'E_NEGATIVE', -1]);
    await caller.close();
    expect(caller.alive).toBe(false);
    await expect(caller.call({ value: 1 })).rejects.toThrow('the arithmetic thread is not running');
  });

  it('fails start with the error the worker met while opening', async () => {
    await expect(start({ failOpen: true })).rejects.toMatchObject({ message: 'cannot open', code: 'E_OPEN' });
  });

  it('close lets the calls already sent finish first', async () => {
    const caller = await start();
    const slow = caller.call({ value: 5, delayMs: 50 });
    await caller.close();
    expect(await slow).toBe(10);
  });

  it('when the thread dies, rejects its pending calls, logs, and reports it is no longer alive', async () => {
    const lines: string[] = [];
    const caller = await start(undefined, lines);
    // Calls are answered in order: the second is still waiting when the first ends the thread.
    const [exiting, pending] = await Promise.allSettled([caller.call({ value: 0, exit: true }), caller.call({ value: 7 })]);
    expect(pending.status === 'rejected' && pending.reason).toBeInstanceOf(ThreadStoppedError);
    expect(exiting.status === 'rejected' && exiting.reason.message).toBe('the arithmetic thread stopped before answering: exited with code 3');
    expect(caller.alive).toBe(false);
    expect(lines).toEqual(['error the arithmetic thread stopped: exited with code 3']);
    await caller.close();
  });
});
