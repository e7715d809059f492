import { ValidationError } from '../errors';

/**
 * Runs `fn`, expects it to throw a `ValidationError`, and returns the error's message so tests
 * can compare it exactly (`toThrow('...')` only checks for a substring).
 */
export function validationErrorMessage(fn: () => unknown): string {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }

  if (thrown === undefined) {
    throw new Error('expected the validation to fail, but it succeeded');
  }
  expect(thrown).toBeInstanceOf(ValidationError);
  return (thrown as ValidationError).message;
}
