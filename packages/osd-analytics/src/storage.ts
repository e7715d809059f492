/** Where the reporter keeps what it has not sent yet (the browser's `localStorage`, or a fake in tests). */
export interface ReportStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
  /** Every key held (to find what closed pages left behind). */
  keys(): string[];
}

/** Minimal shape of `window.localStorage` / `sessionStorage`. */
export interface WebStorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * JSON over a web storage. A corrupt value reads as `undefined`; a full or unavailable storage (private
 * mode, quota) makes `set` throw, which the reporter logs: the data then lives in memory only.
 */
export function createWebStorage(storage: WebStorageLike): ReportStorage {
  return {
    get(key) {
      const text = storage.getItem(key);
      if (text === null) return undefined;
      try {
        return JSON.parse(text);
      } catch {
        return undefined;
      }
    },
    set: (key, value) => storage.setItem(key, JSON.stringify(value)),
    remove: (key) => storage.removeItem(key),
    keys: () => {
      const keys: string[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key !== null) keys.push(key);
      }
      return keys;
    },
  };
}

/** A storage in memory, for tests and for browsers without `localStorage`. */
export function createMemoryStorage(): ReportStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: (key) => (data.has(key) ? JSON.parse(JSON.stringify(data.get(key))) : undefined),
    set: (key, value) => void data.set(key, JSON.parse(JSON.stringify(value))),
    remove: (key) => void data.delete(key),
    keys: () => [...data.keys()],
  };
}
