import { createFetchHttp, ReportSendError, toFailedSend } from './http';

const response = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  ({
    ok: status < 300,
    status,
    statusText: '',
    headers: new Headers(headers),
    text: async () => JSON.stringify(body),
  }) as unknown as Response;

const send = (impl: () => Promise<Response>) =>
  createFetchHttp({ url: '/r', headers: {}, fetch: impl as unknown as typeof fetch })({ reportVersion: 1 });

async function failureOf(impl: () => Promise<Response>): Promise<ReportSendError> {
  try {
    await send(impl);
  } catch (error) {
    return error as ReportSendError;
  }
  throw new Error('the send did not fail');
}

describe('createFetchHttp', () => {
  it('POSTs { report } with keepalive and the given headers', async () => {
    const fetchImpl = jest.fn(async () => response(200, { status: 'ok' }));
    await createFetchHttp({ url: '/base/api/ui_metric/report', headers: { 'osd-xsrf': 'x' }, fetch: fetchImpl as unknown as typeof fetch })({ reportVersion: 1 });
    expect(fetchImpl).toHaveBeenCalledWith('/base/api/ui_metric/report', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'osd-xsrf': 'x' },
      body: JSON.stringify({ report: { reportVersion: 1 } }),
      credentials: 'same-origin',
      keepalive: true,
    });
  });

  it('rejects with the status, Retry-After and Date of the answer, and the server message', async () => {
    const limited = await failureOf(async () =>
      response(429, { message: 'Too many reports' }, { 'Retry-After': '17', Date: 'Thu, 01 Jan 2026 12:00:00 GMT' })
    );
    expect(limited).toBeInstanceOf(ReportSendError);
    expect(limited.message).toBe('The server did not take the ui metric report: 429 Too many reports');
    expect(toFailedSend(limited)).toEqual({ status: 429, retryAfter: '17', date: 'Thu, 01 Jan 2026 12:00:00 GMT' });

    const malformed = await failureOf(async () => response(400, { message: 'bad field' }));
    expect(toFailedSend(malformed)).toEqual({ status: 400, retryAfter: undefined, date: undefined });
    expect(malformed.message).toContain('400 bad field');
  });

  it('a network failure has no status; an answer without headers still works', async () => {
    const network = await failureOf(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(network.message).toBe('Unable to send the ui metric report: Failed to fetch');
    expect(toFailedSend(network)).toEqual({ status: undefined, retryAfter: undefined, date: undefined });

    const bare = await failureOf(async () => ({ ok: false, status: 503, statusText: 'Service Unavailable', text: async () => '' }) as unknown as Response);
    expect(bare.message).toContain('503 Service Unavailable');
    expect(bare.status).toBe(503);
  });

  it('any other rejection reads as a failure without an answer', () => {
    expect(toFailedSend(new Error('custom http'))).toEqual({});
    expect(toFailedSend('a string')).toEqual({});
  });
});
