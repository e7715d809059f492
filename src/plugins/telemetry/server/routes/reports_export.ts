import { Readable } from 'stream';
import { schema } from '@osd/config-schema';
import { ENDPOINT_VERSION } from '../../common/constants';
import { exportChunks, exportFileName } from '../ledger';
import { reportIdSchema, reportNotFound, REPORTS_PRIVILEGE_TAG, type ReportRouteDeps } from './types';

/** At most this many ids in one export (the most `telemetry.history.maxReports` keeps). */
const MAX_EXPORT_IDS = 1000;

const bodySchema = schema.object({
  ids: schema.maybe(schema.arrayOf(reportIdSchema, { maxSize: MAX_EXPORT_IDS })),
});

/**
 * `POST /api/telemetry/v2/reports/_export` `{ ids? }`: a download (`Content-Disposition: attachment`) of
 * `{ format: 'osd-telemetry-export', version: 1, exportedAt, reports }`, every entry of the ledger (newest
 * first) or the ones named, each with its payload, encrypted to `telemetry.encryptionKey` when one is set.
 * 404 naming an unknown id (checked before anything is sent). Streamed one report at a time.
 */
export function registerReportsExportRoute({ router, logger, ledger, collectionManager, now = Date.now }: ReportRouteDeps) {
  router.post(
    {
      path: `/api/telemetry/${ENDPOINT_VERSION}/reports/_export`,
      validate: { body: bodySchema },
      options: { tags: [REPORTS_PRIVILEGE_TAG, 'audit:telemetry_report_export'] },
    },
    router.handleLegacyErrors(async (_context, request, response) => {
      const ids = request.body.ids && [...new Set(request.body.ids)];
      let entries;
      if (ids) {
        const found = await ledger.getMany(ids);
        if (found.missing.length > 0) return response.notFound(reportNotFound(found.missing[0]));
        entries = found.entries;
      } else {
        entries = await ledger.list();
      }
      const at = new Date(now());
      const chunks = exportChunks(entries, at.toISOString(), {
        getPayload: (id) => ledger.getPayload(id),
        seal: (plaintext) => collectionManager.sealPlaintext(plaintext),
        onMissing: (id) => logger.warn(`Telemetry report [${id}] was left out of an export: its payload is no longer stored.`),
      });
      return response.ok({
        body: Readable.from(chunks),
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${exportFileName(at)}"` },
      });
    })
  );
}
