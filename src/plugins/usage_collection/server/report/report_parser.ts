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

/**
 * Parses ui-metric report bodies on a worker thread. Parsing and checking a 100-metric report costs
 * several times what the rest of the request does, so on the event loop it caps how many reports a
 * server takes in; on its own thread it runs beside the HTTP work and the store's commits. When the
 * thread is not running (not started, stopped, or crashed) bodies are parsed on the event loop, with
 * the same result.
 *
 * Bodies go to the thread in batches: those read in one turn of the event loop travel in one message
 * and come back in one (a message costs each side a wake-up and a dispatch, whatever it carries). A
 * batch's bodies are copied into one buffer that is transferred, not cloned (see packed_bodies.ts).
 */
export class ReportParser {
  private thread?: ThreadCaller<PackedBodies, EncodedBatch>;
  private starting?: Promise<void>;
  private readonly decoder = new ParsedReportDecoder();
  private queue: Pending[] = [];
  private flushScheduled = false;

  constructor(private readonly logger: Logger) {}

  /** Starts the thread in the background; bodies are parsed on the event loop until it is ready. */
  public start(): Promise<void> {
    this.starting ??= this.startThread();
    return this.starting;
  }

  private async startThread() {
    try {
      this.thread = await ThreadCaller.start<PackedBodies, EncodedBatch>({
        entry: join(__dirname, 'report_parser_worker'),
        description: 'the ui metric report thread',
        logger: this.logger,
      });
    } catch (error) {
      this.logger.warn(`Parsing ui metric reports on the main thread: the report thread did not start (${(error as Error).message})`);
    }
  }

  public parse(body: Buffer): Promise<ParsedReport> {
    if (!this.thread?.alive) return new Promise((resolve) => resolve(parseReport(body)));
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
    const thread = this.thread;
    if (!thread?.alive) return parseHere(batch);
    const { bytes, ends, transfer } = packBodies(batch);
    const fail = (error: unknown) => {
      if (!(error instanceof ThreadStoppedError)) {
        // The thread's id table may now differ from ours: stop using it.
        this.logger.error(`Parsing ui metric reports on the main thread from now on: the report thread failed (${(error as Error).message})`);
        if (this.thread === thread) this.thread = undefined;
        void thread.close();
      }
      parseHere(batch);
    };
    thread.call({ bytes, ends }, transfer).then((encoded) => {
      let results;
      try {
        // Replies arrive in order, so the decoder's id table follows the thread's.
        results = this.decoder.decodeBatch(encoded);
      } catch (error) {
        return fail(error);
      }
      batch.forEach(({ resolve, reject }, i) => {
        const result = results[i];
        if (result instanceof Error) reject(result);
        else resolve(result);
      });
    }, fail);
  };

  public async stop() {
    await this.starting;
    const thread = this.thread;
    this.thread = undefined;
    await thread?.close();
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
