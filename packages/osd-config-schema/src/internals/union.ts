import Joi from 'joi';
import type { AnySchema, CustomHelpers, Extension } from 'joi';
import { SchemaTypeError, SchemaTypesError } from '../errors';

const TYPES_FAILED_MESSAGE = 'types that failed validation:';

function toSchemaTypeError(error: any): SchemaTypeError {
  if (error instanceof SchemaTypeError) {
    return error;
  }
  return new SchemaTypeError(String(error), Array.isArray(error?.path) ? error.path : []);
}

/**
 * Re-roots the failure of the union member at `index`: the index is inserted in the failure's
 * path right after the union's own path, e.g. `[key.1]` or `[legend.0.position]`.
 */
function withMemberIndex(error: SchemaTypeError, unionPath: Array<string | number>, index: number) {
  const path = error.path.slice();
  path.splice(unionPath.length, 0, index.toString());
  return error instanceof SchemaTypesError
    ? new SchemaTypesError(error.message, path, error.errors)
    : new SchemaTypeError(error.message, path);
}

/**
 * `union`: the value must match at least one of the member schemas, tried in order; the first
 * match wins. When none matches, the failure lists the failure of every member.
 */
export const unionExtension: Extension = {
  type: 'union',
  base: Joi.any(),
  terms: { osdMembers: { init: [] } },
  messages: {
    'union.match': '{{#label}} does not match any of the allowed types',
  },
  validate(value: unknown, helpers: CustomHelpers) {
    const { state, prefs } = helpers as any;
    const members = (helpers.schema as any).$_terms.osdMembers as AnySchema[];
    const failures: SchemaTypeError[] = [];

    for (let index = 0; index < members.length; index++) {
      const member = members[index] as any;
      const localState = state.localize(state.path, state.ancestors, member);
      localState.snapshot();
      const result = member.$_validate(value, localState, prefs);
      if (!result.errors) {
        localState.commit();
        return { value: result.value };
      }
      localState.restore();
      failures.push(withMemberIndex(toSchemaTypeError(result.errors[0]), state.path, index));
    }

    return {
      value,
      errors: [new SchemaTypesError(TYPES_FAILED_MESSAGE, state.path, failures)],
    };
  },
  rules: {
    members: {
      method(this: any, members: AnySchema[]) {
        const obj = this.clone();
        obj.$_terms.osdMembers = [...members];
        return obj.$_mutateRebuild();
      },
    },
  },
};

/**
 * Makes the union register the references of its members like joi's own `alternatives` does
 * (as references of the union itself rather than of a nested value), so that an enclosing object
 * validates the keys the members reference first. Extensions cannot declare this themselves.
 */
export function registerUnionMembersAsSiblings(unionSchema: AnySchema) {
  const terms = (unionSchema as any)._definition.terms;
  terms.osdMembers = { ...terms.osdMembers, register: 0 };
}
