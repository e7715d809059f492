import { errors } from '@opensearch-project/opensearch';
import { SavedObjectsBackendError } from '../types';
import { fromOpenSearchError, innermostReason, toBackendError } from './opensearch_errors';

const responseError = (statusCode: number, error: unknown) =>
  new errors.ResponseError({ body: { error, status: statusCode }, statusCode, headers: {}, warnings: null, meta: {} as any });

describe('OpenSearch error mapping', () => {
  it('maps statuses to backend reasons', () => {
    const cases: Array<[number, string]> = [
      [400, 'bad_request'],
      [401, 'not_authorized'],
      [403, 'forbidden'],
      [404, 'not_found'],
      [409, 'conflict'],
      [429, 'too_many_requests'],
      [502, 'unavailable'],
      [503, 'unavailable'],
      [504, 'unavailable'],
    ];
    for (const [status, reason] of cases) {
      const mapped = fromOpenSearchError(status, { type: 'x', reason: 'why' }, 'dashboard:a');
      expect(mapped?.reason).toBe(reason);
    }
    expect(fromOpenSearchError(500, { type: 'x', reason: 'boom' })).toBeUndefined();
  });

  it('keeps the document id, and says which document is missing', () => {
    const conflict = fromOpenSearchError(409, {
      type: 'version_conflict_engine_exception',
      reason: '[dashboard:a]: version conflict, document already exists',
    }, 'dashboard:a')!;
    expect(conflict.id).toBe('dashboard:a');
    expect(fromOpenSearchError(404, { type: 'document_missing_exception' }, 'dashboard:a')!.message).toBe(
      '[dashboard:a]: document missing'
    );
  });

  it('treats a missing index as an unavailable store, not a missing object', () => {
    const missing = fromOpenSearchError(404, { type: 'index_not_found_exception', reason: 'no such index [x]' }, 'a:b');
    expect(missing?.reason).toBe('unavailable');
  });

  it('reports the innermost reason, where a Painless throw ends up', () => {
    const cause = {
      type: 'illegal_argument_exception',
      reason: 'failed to execute script',
      caused_by: {
        type: 'script_exception',
        reason: 'runtime error',
        caused_by: { type: 'illegal_argument_exception', reason: 'Cannot increment [count]' },
      },
    };
    expect(innermostReason(cause)).toBe('Cannot increment [count]');
    expect(fromOpenSearchError(400, cause, 'm:1')!.message).toBe('[m:1]: Cannot increment [count]');
    expect(innermostReason(undefined)).toBe('unknown error');
  });

  it('converts client errors: responses by status, unreachable cluster to unavailable', () => {
    const conflict = toBackendError(responseError(409, { type: 'version_conflict_engine_exception', reason: 'v' }), 'a:b');
    expect(conflict).toBeInstanceOf(SavedObjectsBackendError);
    expect((conflict as SavedObjectsBackendError).reason).toBe('conflict');

    const refused = new errors.ConnectionError('connect ECONNREFUSED 127.0.0.1:9200', {} as any);
    const unavailable = toBackendError(refused) as SavedObjectsBackendError;
    expect(unavailable.reason).toBe('unavailable');
    expect(unavailable.message).toBe('OpenSearch is unreachable: connect ECONNREFUSED 127.0.0.1:9200');
    expect(unavailable.cause).toBe(refused);
    expect((toBackendError(new errors.TimeoutError('Request timed out', {} as any)) as SavedObjectsBackendError).reason).toBe(
      'unavailable'
    );
    expect((toBackendError(new errors.NoLivingConnectionsError('none', {} as any)) as SavedObjectsBackendError).reason).toBe(
      'unavailable'
    );
  });

  it('passes through what has no meaning to callers (reported as 500 by the repository)', () => {
    const bug = new TypeError('bug');
    expect(toBackendError(bug)).toBe(bug);
    const server = responseError(500, { type: 'exception', reason: 'boom' });
    expect(toBackendError(server)).toBe(server);
    const own = SavedObjectsBackendError.notFound('a:b');
    expect(toBackendError(own)).toBe(own);
  });
});
