import { Type, ValidationError } from '@osd/config-schema';
import { RouteValidationSpec } from './types';

/** Thrown when a request part fails validation; becomes a 400 naming the field. */
export class RouteValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RouteValidationError';
  }
}

/**
 * Validates one request part. Schema errors already name the field (`[request body.enabled]: ...`), because
 * the part's name is passed as the namespace, exactly as upstream words it.
 */
export function validatePart<T>(spec: RouteValidationSpec<T> | undefined, data: unknown, part: 'params' | 'query' | 'body'): T {
  const namespace = `request ${part}`;
  if (spec === undefined) {
    // No validator for this part: upstream passes nothing through, so undeclared input never reaches handlers.
    return (part === 'body' ? undefined : {}) as T;
  }
  if (spec instanceof Type) {
    try {
      return spec.validate(data, {}, namespace);
    } catch (e) {
      if (e instanceof ValidationError || (e as Error).name === 'ValidationError') {
        throw new RouteValidationError((e as Error).message);
      }
      throw e;
    }
  }
  try {
    return spec(data);
  } catch (e) {
    throw new RouteValidationError(`[${namespace}]: ${(e as Error).message}`);
  }
}
