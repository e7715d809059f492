import type { IRouter, Logger } from '../../../../core/server';
import { UI_METRIC_REPORT_PATH } from '../../common/constants';
import type { GroupCommitWriter } from '../report/group_commit_writer';
import { WriterUnavailableError } from '../report/group_commit_writer';
import { reportToIncrements } from '../report/report_increments';
import { ReportBodyType } from '../report/report_schema';

export interface UiMetricReportRouteDeps {
  router: IRouter;
  writer: GroupCommitWriter;
  logger: Logger;
  /** `usageCollection.uiMetric.debug`: log what each report counted. */
  debug: boolean;
}

/**
 * `POST /api/ui_metric/report` with `{ report }`. Answers `{ status: 'ok' }` once every count of the report
 * is durable; 400 for a malformed report (naming the field), 503 while the store is not available, 500
 * when storing failed (upstream answered 200 `{ status: 'fail' }` in both cases).
 */
export function registerUiMetricReportRoute({ router, writer, logger, debug }: UiMetricReportRouteDeps) {
  router.post(
    { path: UI_METRIC_REPORT_PATH, validate: { body: new ReportBodyType() } },
    async (_context, request, response) => {
      const increments = reportToIncrements(request.body.report);
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
