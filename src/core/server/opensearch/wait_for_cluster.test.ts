import { errors, type Client } from '@opensearch-project/opensearch';
import { OpenSearchServiceError } from './errors';
import { recordingLogger } from './test_utils';
import { waitForCluster } from './wait_for_cluster';

const refused = () => new errors.ConnectionError('connect ECONNREFUSED 127.0.0.1:9200', {} as never);
const infoBody = { version: { number: '2.19.6' }, cluster_name: 'c', cluster_uuid: 'u' };

/** A fake clock advanced by the fake sleep and by each attempt's cost. */
function harness(answers: Array<() => unknown>, attemptMs = 10) {
  let time = 0;
  const sleeps: number[] = [];
  const timeouts: number[] = [];
  const info = jest.fn(async (_params: unknown, options: { requestTimeout: number }) => {
    timeouts.push(options.requestTimeout);
    time += attemptMs;
    const answer = answers.length > 1 ? answers.shift()! : answers[0];
    return { body: answer() };
  });
  const lines: string[] = [];
  const run = (startupTimeoutMs = 1000, pingTimeoutMs = 300) =>
    waitForCluster({
      client: { info } as unknown as Client,
      hosts: ['http://127.0.0.1:9200'],
      startupTimeoutMs,
      pingTimeoutMs,
      logger: recordingLogger(lines),
      now: () => time,
      sleep: async (ms) => {
        sleeps.push(ms);
        time += ms;
      },
    });
  return { run, sleeps, timeouts, lines, info };
}

const fail = (error: unknown) => () => {
  throw error;
};

describe('waitForCluster', () => {
  it('retries with growing delays until the cluster answers, warning once', async () => {
    const h = harness([fail(refused()), fail(refused()), fail(refused()), () => infoBody]);
    await expect(h.run()).resolves.toEqual({ version: '2.19.6', clusterName: 'c', clusterUuid: 'u' });
    expect(h.sleeps).toEqual([100, 200, 400]);
    expect(h.lines.filter((l) => l.startsWith('warn'))).toEqual([
      'warn OpenSearch at [http://127.0.0.1:9200] is not reachable yet (connect ECONNREFUSED 127.0.0.1:9200); retrying for up to 1s',
    ]);
  });

  it('gives up at startupTimeout with the hosts, the time and the last cause', async () => {
    const h = harness([fail(refused())]);
    const error = await h.run(3000, 500).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenSearchServiceError);
    expect((error as Error).message).toBe(
      'Unable to connect to OpenSearch at [http://127.0.0.1:9200] after 3s: connect ECONNREFUSED 127.0.0.1:9200'
    );
    // Backoff doubles up to 2 s and the last wait is cut to the deadline; no attempt outlives it.
    expect(h.sleeps.slice(0, 5)).toEqual([100, 200, 400, 800, 1450]);
    expect(h.sleeps.reduce((a, b) => a + b, 0) + h.info.mock.calls.length * 10).toBeLessThanOrEqual(3000);
    expect(Math.max(...h.timeouts)).toBeLessThanOrEqual(500);
  });

  it('fails at once when the credentials are refused', async () => {
    const unauthorized = new errors.ResponseError({
      body: { error: { type: 'security_exception', reason: 'unauthorized' }, status: 401 },
      statusCode: 401,
      headers: {},
      warnings: null,
      meta: {} as never,
    });
    const h = harness([fail(unauthorized)]);
    const error = (await h.run().catch((e: unknown) => e)) as OpenSearchServiceError;
    expect(error.code).toBe('credentials_refused');
    expect(h.info).toHaveBeenCalledTimes(1);
  });
});
