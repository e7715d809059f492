/** A failed request: `message` is the server's own message when it sent one (OSD error bodies carry it). */
export class HttpFetchError<T = any> extends Error {
  public readonly name = 'HttpFetchError';

  constructor(
    message: string,
    public readonly request: Request | { url: string; method: string },
    public readonly response?: Response,
    public readonly body?: T
  ) {
    super(message);
  }

  /** The HTTP status, or undefined for a network failure. */
  public get status() {
    return this.response?.status;
  }
}
