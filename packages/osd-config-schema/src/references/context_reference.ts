import { Reference } from './reference';

/**
 * References a key of the context given to `validate(value, context)`,
 * e.g. `schema.contextRef('dev')`.
 */
export class ContextReference<T> extends Reference<T> {
  constructor(key: string) {
    super(`$${key}`);
  }
}
