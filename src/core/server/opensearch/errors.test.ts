import { errors } from '@opensearch-project/opensearch';
import { describeCause, formatDuration, formatHosts, OpenSearchServiceError } from './errors';

describe('OpenSearchServiceError', () => {
  it('names the hosts, the time waited and the cause when the cluster cannot be reached', () => {
    const cause = new errors.ConnectionError('connect ECONNREFUSED 127.0.0.1:9200', {} as never);
    const error = OpenSearchServiceError.unreachable(['http://127.0.0.1:9200'], 60_000, cause);
    expect(error.message).toBe(
      'Unable to connect to OpenSearch at [http://127.0.0.1:9200] after 60s: connect ECONNREFUSED 127.0.0.1:9200'
    );
    expect(error.code).toBe('unreachable');
    expect(error.cause).toBe(cause);
  });

  it('formats durations and host lists for messages', () => {
    expect(formatDuration(60_000)).toBe('60s');
    expect(formatDuration(1500)).toBe('1.5s');
    expect(formatDuration(250)).toBe('250ms');
    expect(formatHosts(['http://a:9200', 'http://b:9200'])).toBe('[http://a:9200, http://b:9200]');
  });

  it('describes response errors by status and reason', () => {
    const response = new errors.ResponseError({
      body: { error: { type: 'security_exception', reason: 'missing authentication credentials' }, status: 401 },
      statusCode: 401,
      headers: {},
      warnings: null,
      meta: {} as never,
    });
    expect(describeCause(response)).toBe('401 missing authentication credentials');
    expect(OpenSearchServiceError.credentialsRefused(['http://a:9200'], response).message).toBe(
      'OpenSearch at [http://a:9200] refused the configured credentials (opensearch.username): 401 missing authentication credentials'
    );
    expect(describeCause('plain')).toBe('plain');
  });
});
