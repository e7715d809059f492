import { internals } from '../internals';
import { Reference } from '../references';
import { typeDetect } from '../utils/type_detect';
import { Type, TypeOptions } from './type';

export type ConditionalTypeValue = string | number | boolean | object | null;

/**
 * Validates with `equalType` when the left operand (a reference) equals the right operand
 * (a value, a reference, or a type the left operand must match), with `notEqualType` otherwise.
 */
export class ConditionalType<A extends ConditionalTypeValue, B, C> extends Type<B | C> {
  constructor(
    leftOperand: Reference<A>,
    rightOperand: Reference<A> | A | Type<unknown>,
    equalType: Type<B>,
    notEqualType: Type<C>,
    options?: TypeOptions<B | C>
  ) {
    const is =
      Reference.isReference(rightOperand) || rightOperand instanceof Type
        ? rightOperand.getSchema()
        : rightOperand;

    const schema = internals.when(leftOperand.getSchema(), {
      is,
      then: equalType.getSchema(),
      otherwise: notEqualType.getSchema(),
    });

    super(schema, options);
  }

  protected handleError(type: string, { value }: Record<string, any>) {
    if (type === 'any.required') {
      return `expected at least one defined value but got [${typeDetect(value)}]`;
    }
  }
}
