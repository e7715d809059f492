/**
 * Resolves as `work` does, or rejects after `ms` with "<what> did not complete within Ns". Used for the
 * plugin lifecycle on both halves of the host.
 */
export async function withTimeout<T>(work: T | Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not complete within ${ms / 1000}s`)), ms);
  });
  try {
    return await Promise.race([Promise.resolve(work), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
