/*
 * Deletes expired sessions every `intervalMs`. Each store sweep looks at a bounded batch; a run repeats it
 * while batches come back full, up to `maxBatchesPerRun`, so a backlog drains without one run hogging the
 * store. The timer is unref'd (it never keeps the process alive) and runs never overlap; `stop()` waits
 * for a run in flight. Every server sweeps: sessions deleted by another are simply skipped.
 */
import type { Logger } from '../../../core/server';
import type { SessionStore } from './session_store';

export interface SessionSweeperOptions {
  sessions: Pick<SessionStore, 'sweep'>;
  intervalMs: number;
  logger: Logger;
  /** The store's batch size: a run goes on while a sweep deleted this many. */
  batchSize?: number;
  maxBatchesPerRun?: number;
}

export class SessionSweeper {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(private readonly options: SessionSweeperOptions) {}

  public start() {
    this.schedule();
  }

  /** One run now (also what the timer calls); resolves with how many sessions it deleted. */
  public async runOnce(): Promise<number> {
    const { sessions, batchSize = 100, maxBatchesPerRun = 10 } = this.options;
    let total = 0;
    for (let batch = 0; batch < maxBatchesPerRun && !this.stopped; batch++) {
      const deleted = await sessions.sweep();
      total += deleted;
      if (deleted < batchSize) break;
    }
    return total;
  }

  public async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule() {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .then((deleted) => {
          if (deleted > 0) this.options.logger.debug(`deleted ${deleted} expired session(s)`);
        })
        .catch((error) => this.options.logger.warn(`could not delete expired sessions: ${(error as Error).message}`))
        .finally(() => {
          this.running = undefined;
          this.schedule();
        });
    }, this.options.intervalMs);
    this.timer.unref();
  }
}
