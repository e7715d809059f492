/**
 * `impl` is written against the contract `T` (every member, each function with the contract's signature);
 * each function is wrapped in `jest.fn`, other members are kept. So every mock is checked against its
 * contract when it is written, and the cast to the mocked type is made once, here.
 */
export function mockOf<T extends object>(impl: T): jest.Mocked<T> {
  const mocked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(impl)) mocked[key] = typeof value === 'function' ? jest.fn(value) : value;
  return mocked as jest.Mocked<T>;
}
