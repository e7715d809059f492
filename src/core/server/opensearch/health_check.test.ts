import { errors, type Client } from '@opensearch-project/opensearch';
import { BehaviorSubject } from 'rxjs';
import { ServiceStatusLevels, type ServiceStatus } from '../status';
import { availableStatus, OpenSearchHealthCheck } from './health_check';
import { recordingLogger } from './test_utils';

function setup() {
  let up = true;
  const health = jest.fn(async () => {
    if (!up) {
      throw new errors.ConnectionError('connect ECONNREFUSED 127.0.0.1:9200', {} as never);
    }
    return { body: { status: 'green' } };
  });
  const status$ = new BehaviorSubject<ServiceStatus>(availableStatus(['http://127.0.0.1:9200']));
  const seen: string[] = [];
  status$.subscribe((s) => seen.push(s.level.id));
  const lines: string[] = [];
  const check = new OpenSearchHealthCheck({
    client: { cluster: { health } } as unknown as Client,
    hosts: ['http://127.0.0.1:9200'],
    delayMs: 20,
    timeoutMs: 50,
    logger: recordingLogger(lines),
    status$,
  });
  return { check, status$, seen, lines, health, setUp: (value: boolean) => (up = value) };
}

describe('OpenSearchHealthCheck', () => {
  it('degrades when the cluster stops answering and recovers when it answers again', async () => {
    const h = setup();
    h.check.start();
    await h.check.check();
    h.setUp(false);
    await h.check.check();
    expect(h.status$.getValue()).toMatchObject({
      level: ServiceStatusLevels.degraded,
      summary: 'Unable to reach OpenSearch at [http://127.0.0.1:9200]: connect ECONNREFUSED 127.0.0.1:9200',
    });
    await h.check.check();
    h.setUp(true);
    await h.check.check();
    expect(h.status$.getValue().level).toBe(ServiceStatusLevels.available);
    // One emission per change, and a log line for each.
    expect(h.seen).toEqual(['available', 'degraded', 'available']);
    expect(h.lines).toEqual([
      'warn Unable to reach OpenSearch at [http://127.0.0.1:9200]: connect ECONNREFUSED 127.0.0.1:9200',
      'info OpenSearch is available again at [http://127.0.0.1:9200]',
    ]);
    h.check.stop();
  });

  it('checks every delay once started, without overlapping, until stopped', async () => {
    const h = setup();
    h.check.start();
    await new Promise((resolve) => setTimeout(resolve, 150));
    h.check.stop();
    const calls = h.health.mock.calls.length;
    expect(calls).toBeGreaterThanOrEqual(3);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(h.health.mock.calls.length).toBe(calls);
  });

  it('reports nothing once stopped, even for a check in flight', async () => {
    const h = setup();
    h.setUp(false);
    h.check.start();
    const inFlight = h.check.check();
    h.check.stop();
    await inFlight;
    expect(h.seen).toEqual(['available']);
  });
});
