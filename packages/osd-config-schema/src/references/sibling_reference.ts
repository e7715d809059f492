import { Reference } from './reference';

/**
 * References the value of another key of the same object, e.g. `schema.siblingRef('enabled')`.
 */
export class SiblingReference<T> extends Reference<T> {
  constructor(key: string) {
    super(key);
  }
}
