import { SavedObjectsErrorHelpers, type IRouter, type Logger, type OpenSearchDashboardsRequest } from '../../../../core/server';
import { UI_METRIC_REPORT_PATH } from '../../common/constants';
import { clientIdentity } from '../ingest/client_identity';
import type { IngestGuard } from '../ingest/ingest_guard';
import { WriterUnavailableError, type ReportWriter } from '../report/report_writer';
import type { ReportParser } from '../report/report_parser';

export interface UiMetricReportRouteDeps {
  router: IRouter;
  /** Parses and checks bodies (on its own thread when it can). */
  parser: Pick<ReportParser, 'parse'>;
  writer: Pick<ReportWriter, 'write'>;
  /** Rate limit, caps on distinct names, store availability. */
  guard: IngestGuard;
  logger: Logger;
  /** `usageCollection.uiMetric.debug`: log what each report counted. */
  debug: boolean;
  /** Who sent a request; `clientIdentity` (the client address until there is authentication). */
  identify?: (request: OpenSearchDashboardsRequest) => string;
}

/** The unparsed body; a plain check, as a schema's generic validation costs more than the rest of the route. */
function rawBody(body: unknown): Buffer {
  // No body at all (and so no content type) reads as an empty one: the parser names what is missing.
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (!Buffer.isBuffer(body)) throw new Error('expected the raw request body');
  return body;
}

const retryAfter = (seconds: number) => ({ 'retry-after': String(seconds) });

/**
 * `POST /api/ui_metric/report` with `{ report }`. Answers `{ status: 'ok' }` once every count of the report
 * is durable. In order:
 * - 429 with `Retry-After` past `usageCollection.uiMetric.maxReportsPerMinute` for this client;
 * - 503 with `Retry-After` while the store is away (one report per probe interval still tries it);
 * - 400 for a malformed report (naming the field) or one that would carry a counter past
 *   Number.MAX_SAFE_INTEGER;
 * - new counters or applications past their cap are left out, and the rest is stored (still 200);
 * - 500 when storing failed otherwise (upstream answered 200 `{ status: 'fail' }`).
 * The body arrives unparsed: the parser reads it with the platform's JSON rules and the report schema,
 * off the event loop.
 */
export function registerUiMetricReportRoute({ router, parser, writer, guard, logger, debug, identify = clientIdentity }: UiMetricReportRouteDeps) {
  const { limiter, availability } = guard;
  const unavailable = (seconds: number, message: string) =>
    // `customError` keeps the body as the JSON error shape (`statusCode`, `error`, `message`).
    ({ statusCode: 503, body: { message }, headers: retryAfter(seconds) });

  router.post(
    { path: UI_METRIC_REPORT_PATH, validate: { body: rawBody }, options: { body: { parse: false }, tags: ['access:ui_metric:write'] } },
    async (_context, request, response) => {
      const wait = limiter.take(identify(request));
      if (wait > 0) {
        return response.customError({
          statusCode: 429,
          body: { message: `Too many ui-metric reports from this client: at most ${limiter.maxPerMinute} per minute; retry in ${wait} s` },
          headers: retryAfter(wait),
        });
      }
      const refusedFor = availability.refusal();
      if (refusedFor > 0) return response.customError(unavailable(refusedFor, 'The ui metric store is not available; retry later'));

      const parsed = await parser.parse(request.body);
      if (!parsed.ok) return response.badRequest({ body: parsed.message });

      let stored = false;
      try {
        await guard.ready();
        const increments = guard.admit(parsed.increments);
        stored = increments.counters.length > 0 || increments.applicationUsage.length > 0;
        if (debug) {
          logger.debug(`ui metric report: ${increments.counters.length} counter(s), ${increments.applicationUsage.length} application(s)`);
        }
        await writer.write(increments);
      } catch (error) {
        if (error instanceof WriterUnavailableError) {
          return response.customError(unavailable(availability.retryAfterS, error.message));
        }
        if (availability.failed(error)) {
          return response.customError(unavailable(availability.retryAfterS, 'The ui metric store is not available; retry later'));
        }
        if (SavedObjectsErrorHelpers.isBadRequestError(error)) {
          // A counter at its bound: the store (or the commit) refused the report rather than wrap the count.
          return response.badRequest({ body: (error as Error).message });
        }
        logger.error(`Unable to store a ui metric report: ${(error as Error).stack ?? error}`);
        return response.internalError({ body: 'Unable to store report.' });
      }
      // Only a report that reached the store says anything of it (an empty one is answered without it).
      if (stored) availability.succeeded();
      return response.ok({ body: { status: 'ok' } });
    }
  );
}
