import { join } from 'node:path';
import { ThreadCaller, ThreadStoppedError, type Logger } from '../../../../core/server';
import { parseReport, type ParsedReport } from './parse_report';
import { decodeParsedReport, type EncodedParsedReport } from './parsed_report_codec';

/**
 * Parses ui-metric report bodies on a worker thread. Parsing and checking a 100-metric report costs
 * several times what the rest of the request does, so on the event loop it caps how many reports a
 * server takes in; on its own thread it runs beside the HTTP work and the store's commits. When the
 * thread is not running (not started, stopped, or crashed) bodies are parsed on the event loop, with
 * the same result.
 */
export class ReportParser {
  private thread?: ThreadCaller<Uint8Array, EncodedParsedReport>;
  private starting?: Promise<void>;

  constructor(private readonly logger: Logger) {}

  /** Starts the thread in the background; bodies are parsed on the event loop until it is ready. */
  public start(): Promise<void> {
    this.starting ??= this.startThread();
    return this.starting;
  }

  private async startThread() {
    try {
      this.thread = await ThreadCaller.start<Uint8Array, EncodedParsedReport>({
        entry: join(__dirname, 'report_parser_worker'),
        description: 'the ui metric report thread',
        logger: this.logger,
      });
    } catch (error) {
      this.logger.warn(`Parsing ui metric reports on the main thread: the report thread did not start (${(error as Error).message})`);
    }
  }

  public async parse(body: Buffer): Promise<ParsedReport> {
    const thread = this.thread;
    if (thread?.alive) {
      try {
        // Posting clones the bytes (cheaper than copying them to transfer). A body smaller than Node's
        // buffer pool may be a view on a shared 8 KB block, which the clone would copy whole: it is
        // copied out first.
        const bytes = body.byteLength === body.buffer.byteLength ? body : new Uint8Array(body);
        return decodeParsedReport(await thread.call(bytes));
      } catch (error) {
        if (!(error instanceof ThreadStoppedError)) throw error;
      }
    }
    return parseReport(body);
  }

  public async stop() {
    await this.starting;
    const thread = this.thread;
    this.thread = undefined;
    await thread?.close();
  }
}
