import type { IRouter, Logger } from '../../../../core/server';
import { UI_METRIC_REPORT_PATH } from '../../common/constants';
import type { GroupCommitWriter } from '../report/group_commit_writer';
import { WriterUnavailableError } from '../report/group_commit_writer';
import type { ReportParser } from '../report/report_parser';

export interface UiMetricReportRouteDeps {
  router: IRouter;
  /** Parses and checks bodies (on its own thread when it can). */
  parser: Pick<ReportParser, 'parse'>;
  writer: GroupCommitWriter;
  logger: Logger;
  /** `usageCollection.uiMetric.debug`: log what each report counted. */
  debug: boolean;
}

/** The unparsed body; a plain check, as a schema's generic validation costs more than the rest of the route. */
function rawBody(body: unknown): Buffer {
  // No body at all (and so no content type) reads as an empty one: the parser names what is missing.
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (!Buffer.isBuffer(body)) throw new Error('expected the raw request body');
  return body;
}

/**
 * `POST /api/ui_metric/report` with `{ report }`. Answers `{ status: 'ok' }` once every count of the report
 * is durable; 400 for a malformed report (naming the field), 503 while the store is not available, 500
 * when storing failed (upstream answered 200 `{ status: 'fail' }` in both cases). The body arrives
 * unparsed: the parser reads it with the platform's JSON rules and the report schema, off the event loop.
 */
export function registerUiMetricReportRoute({ router, parser, writer, logger, debug }: UiMetricReportRouteDeps) {
  router.post(
    { path: UI_METRIC_REPORT_PATH, validate: { body: rawBody }, options: { body: { parse: false } } },
    async (_context, request, response) => {
      const parsed = await parser.parse(request.body);
      if (!parsed.ok) {
        return response.badRequest({ body: parsed.message });
      }
      const { increments } = parsed;
      if (debug) {
        logger.debug(`ui metric report: ${increments.counters.length} counter(s), ${increments.applicationUsage.length} application(s)`);
      }
      try {
        await writer.write(increments);
      } catch (error) {
        if (error instanceof WriterUnavailableError) {
          return response.customError({ statusCode: 503, body: { message: error.message } });
        }
        logger.error(`Unable to store a ui metric report: ${(error as Error).stack ?? error}`);
        return response.internalError({ body: 'Unable to store report.' });
      }
      return response.ok({ body: { status: 'ok' } });
    }
  );
}
