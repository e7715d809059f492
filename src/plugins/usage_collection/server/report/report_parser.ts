import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ThreadCaller, ThreadStoppedError, type Logger } from '../../../../core/server';
import { parseReport, type ParsedReport } from './parse_report';
import { ParsedReportDecoder, type EncodedBatch } from './parsed_report_codec';
import { packBodies, type PackedBodies } from './packed_bodies';

interface Pending {
  body: Buffer;
  resolve: (parsed: ParsedReport) => void;
  reject: (error: Error) => void;
}

/** One report thread and the decoder whose id table follows that thread's encoder. */
interface ReportThread {
  caller: ThreadCaller<PackedBodies, EncodedBatch>;
  decoder: ParsedReportDecoder;
  /** Set once one of its batches failed: replies still on their way are not decoded (the tables may differ). */
  failed?: boolean;
}

export interface ReportParserOptions {
  /** Report threads (at least one); default two where there are two CPUs or more. */
  threads?: number;
}

/**
 * Parses ui-metric report bodies on worker threads. Parsing and checking a 100-metric report costs
 * several times what the rest of the request does, so on the event loop it caps how many reports a
 * server takes in; on their own threads it runs beside the HTTP work and the store's commits. When no
 * thread is running (not started, stopped, or crashed) bodies are parsed on the event loop, with the
 * same result.
 *
 * Bodies go to the threads in batches: those read in one turn of the event loop travel together (a
 * message costs each side a wake-up and a dispatch, whatever it carries), split evenly between the
 * threads so that the reports answered together are parsed side by side (two threads measured 2% more
 * reports per second than one on two cores). A batch's bodies are copied into one buffer that is
 * transferred, not cloned (see packed_bodies.ts).
 */
export class ReportParser {
  private threads: ReportThread[] = [];
  private starting?: Promise<void>;
  private queue: Pending[] = [];
  private flushScheduled = false;
  private readonly threadCount: number;

  constructor(
    private readonly logger: Logger,
    { threads = Math.min(2, availableParallelism()) }: ReportParserOptions = {}
  ) {
    this.threadCount = Math.max(1, threads);
  }

  /** Starts the threads in the background; bodies are parsed on the event loop until one is ready. */
  public start(): Promise<void> {
    this.starting ??= this.startThreads();
    return this.starting;
  }

  private async startThreads() {
    const started = await Promise.allSettled(
      Array.from({ length: this.threadCount }, () =>
        ThreadCaller.start<PackedBodies, EncodedBatch>({
          entry: join(__dirname, 'report_parser_worker'),
          description: 'a ui metric report thread',
          logger: this.logger,
        })
      )
    );
    for (const result of started) {
      if (result.status === 'fulfilled') this.threads.push({ caller: result.value, decoder: new ParsedReportDecoder() });
      else this.logger.warn(`A ui metric report thread did not start (${(result.reason as Error).message}); ${this.threadCount > 1 ? 'using the others, or ' : ''}parsing on the main thread without one`);
    }
  }

  public parse(body: Buffer): Promise<ParsedReport> {
    if (!this.threads.some((t) => t.caller.alive)) return new Promise((resolve) => resolve(parseReport(body)));
    return new Promise((resolve, reject) => {
      this.queue.push({ body, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // After the current I/O phase: every body read in it joins this batch.
        setImmediate(this.flush);
      }
    });
  }

  private readonly flush = () => {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    const alive = this.threads.filter((t) => t.caller.alive);
    if (alive.length === 0) return parseHere(batch);
    const parts = Math.min(alive.length, batch.length);
    const size = Math.ceil(batch.length / parts);
    for (let p = 0; p < parts; p++) this.send(alive[p], batch.slice(p * size, (p + 1) * size));
  };

  private send(chosen: ReportThread, batch: Pending[]) {
    if (batch.length === 0) return;
    const { bytes, ends, transfer } = packBodies(batch);
    const fail = (error: unknown) => {
      if (!(error instanceof ThreadStoppedError) && !chosen.failed) {
        // The thread's id table may now differ from its decoder's: stop using that thread.
        chosen.failed = true;
        this.logger.error(`A ui metric report thread failed (${(error as Error).message}); no longer using it`);
        this.threads = this.threads.filter((t) => t !== chosen);
        void chosen.caller.close();
      }
      parseHere(batch);
    };
    chosen.caller.call({ bytes, ends }, transfer).then((encoded) => {
      // Sent before the thread failed: its answer may name ids the decoder never saw.
      if (chosen.failed) return parseHere(batch);
      let results;
      try {
        // Replies arrive in order, so each decoder's id table follows its own thread's.
        results = chosen.decoder.decodeBatch(encoded);
      } catch (error) {
        return fail(error);
      }
      batch.forEach(({ resolve, reject }, i) => {
        const result = results[i];
        if (result instanceof Error) reject(result);
        else resolve(result);
      });
    }, fail);
  }

  public async stop() {
    await this.starting;
    const threads = this.threads;
    this.threads = [];
    await Promise.all(threads.map((t) => t.caller.close()));
  }
}

function parseHere(batch: Pending[]) {
  for (const { body, resolve, reject } of batch) {
    try {
      resolve(parseReport(body));
    } catch (error) {
      reject(error as Error);
    }
  }
}
