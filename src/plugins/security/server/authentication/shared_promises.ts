/**
 * Promises shared by key: a caller asking for a key while its promise is open joins it instead of doing
 * the work again. Each caller gets its own `copy` of the result, so none can change what another sees.
 * The work decides how long it stays open to joiners: until it has settled (a password check), or only
 * until it starts (a session read, so that nobody joins a read of the store made before they arrived).
 */
export class SharedPromises<T> {
  private readonly open = new Map<string, Promise<T>>();

  constructor(private readonly copy: (value: T) => T) {}

  /** Joins the open promise of `key`, or opens one with `start`, which calls `close` when joining must end. */
  public join(key: string, start: (close: () => void) => Promise<T>): Promise<T> {
    let shared = this.open.get(key);
    if (!shared) {
      shared = start(() => this.open.delete(key));
      this.open.set(key, shared);
    }
    return shared.then(this.copy);
  }
}
