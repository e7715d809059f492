import { isSafeCounterValue, nextCounterValue } from './counter_values';
import { SavedObjectsBackendError } from './types';

const MAX = Number.MAX_SAFE_INTEGER;

function refusal(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SavedObjectsBackendError);
    expect((error as SavedObjectsBackendError).reason).toBe('bad_request');
    expect((error as SavedObjectsBackendError).id).toBe('t:x');
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('the counter policy', () => {
  it('takes safe integers only as counter values', () => {
    for (const ok of [0, 1, -1, MAX, -MAX]) expect(isSafeCounterValue(ok)).toBe(true);
    for (const bad of [0.5, MAX + 1, -MAX - 2, NaN, Infinity, '1', null, undefined, 1n]) expect(isSafeCounterValue(bad)).toBe(false);
  });

  it('adds, starting a missing counter at the increment', () => {
    expect(nextCounterValue('t:x', 'c', undefined, 3)).toBe(3);
    expect(nextCounterValue('t:x', 'c', null, -3)).toBe(-3);
    expect(nextCounterValue('t:x', 'c', 4, 3)).toBe(7);
    expect(nextCounterValue('t:x', 'c', MAX - 1, 1)).toBe(MAX);
    expect(nextCounterValue('t:x', 'c', -MAX + 1, -1)).toBe(-MAX);
  });

  it('refuses, naming the counter and the document, an unsafe increment, stored value or sum', () => {
    expect(refusal(() => nextCounterValue('t:x', 'c', 1, 1.5))).toBe('Cannot increment [c] of [t:x]: the increment 1.5 is not a safe integer');
    expect(refusal(() => nextCounterValue('t:x', 'c', undefined, NaN))).toMatch(/the increment NaN is not a safe integer/);
    expect(refusal(() => nextCounterValue('t:x', 'c', 2.5, 1))).toBe('Cannot increment [c] of [t:x]: it holds 2.5, not a safe integer');
    expect(refusal(() => nextCounterValue('t:x', 'c', 2 ** 60, -1))).toMatch(/it holds 1152921504606847000, not a safe integer/);
    expect(refusal(() => nextCounterValue('t:x', 'c', 'many', 1))).toBe('Cannot increment [c] of [t:x]: it holds a string, not a number');
    expect(refusal(() => nextCounterValue('t:x', 'c', true, 1))).toMatch(/it holds a boolean, not a number/);
    expect(refusal(() => nextCounterValue('t:x', 'c', { n: 1 }, 1))).toMatch(/it holds an object, not a number/);
    expect(refusal(() => nextCounterValue('t:x', 'c', MAX, 1))).toBe(`Cannot increment [c] of [t:x]: the sum would pass the safe integer range (±${MAX})`);
    expect(refusal(() => nextCounterValue('t:x', 'c', -MAX, -1))).toMatch(/the sum would pass/);
  });
});
