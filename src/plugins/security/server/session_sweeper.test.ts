import { loggingSystemMock } from '../../../core/server/mocks';
import { SessionSweeper } from './session_sweeper';

describe('SessionSweeper', () => {
  afterEach(() => jest.useRealTimers());

  it('repeats full batches within a run, up to the cap, and stops at a partial one', async () => {
    const results = [100, 100, 7, 100];
    const sweep = jest.fn(async () => results.shift() ?? 0);
    const sweeper = new SessionSweeper({ sessions: { sweep }, intervalMs: 1000, logger: loggingSystemMock.createLogger() });
    expect(await sweeper.runOnce()).toBe(207);
    expect(sweep).toHaveBeenCalledTimes(3);

    const always = jest.fn(async () => 100);
    const capped = new SessionSweeper({ sessions: { sweep: always }, intervalMs: 1000, logger: loggingSystemMock.createLogger(), maxBatchesPerRun: 4 });
    expect(await capped.runOnce()).toBe(400);
    expect(always).toHaveBeenCalledTimes(4);
  });

  it('runs on a timer, logs a failure and goes on, and stops for good', async () => {
    jest.useFakeTimers();
    const logger = loggingSystemMock.createLogger();
    const lines = () => loggingSystemMock.lines(logger);
    let calls = 0;
    const sweep = jest.fn(async () => {
      calls++;
      if (calls === 1) throw new Error('store away');
      return 3;
    });
    const sweeper = new SessionSweeper({ sessions: { sweep }, intervalMs: 1000, logger });
    sweeper.start();
    expect(jest.getTimerCount()).toBe(1);
    await jest.advanceTimersByTimeAsync(1000);
    expect(lines()).toEqual(['warn could not delete expired sessions: store away']);
    await jest.advanceTimersByTimeAsync(1000);
    expect(lines()[1]).toBe('debug deleted 3 expired session(s)');
    await sweeper.stop();
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(5000);
    expect(sweep).toHaveBeenCalledTimes(2);
  });
});
