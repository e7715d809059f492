import type { TelemetryPublicConfig } from './types';

/** A browser config as the server exposes it, with overrides. */
export function createTelemetryPublicConfig(overrides: Partial<TelemetryPublicConfig> = {}): TelemetryPublicConfig {
  return {
    enabled: true,
    url: 'http://127.0.0.1:5610/send',
    optInStatusUrl: 'http://127.0.0.1:5610/opt_in_status',
    banner: true,
    allowChangingOptInStatus: true,
    sendUsageFrom: 'server',
    privacyStatementUrl: 'https://example.test/privacy',
    reportInterval: 'PT24H',
    initialCheckDelay: 'PT5M',
    retryDelay: 'PT1H',
    failurePause: 'PT24H',
    optInStatusInterval: 'PT1M',
    ...overrides,
  };
}

/** A fake `http` whose answers are set per path; each call is recorded. */
export function createFakeHttp(answers: Record<string, unknown | ((body: unknown) => unknown)> = {}) {
  const answer = (method: string) =>
    jest.fn(async (path: string, options?: { body?: unknown }) => {
      const key = `${method} ${path}`;
      const value = key in answers ? answers[key] : undefined;
      const body = typeof options?.body === 'string' ? JSON.parse(options.body) : undefined;
      const result = typeof value === 'function' ? (value as (b: unknown) => unknown)(body) : value;
      if (result instanceof Error) throw result;
      return result as any;
    });
  return { get: answer('GET'), post: answer('POST'), put: answer('PUT') };
}

/** An error shaped as `HttpFetchError` (status and the server's message). */
export function httpError(status: number, message: string) {
  return Object.assign(new Error(message), { response: { status }, body: { statusCode: status, message } });
}
