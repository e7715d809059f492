import { schema } from '..';
import { validationErrorMessage } from '../__test_utils__/expect_error';

const lines = (...parts: string[]) => parts.join('\n');

describe('schema.conditional', () => {
  const byContext = (equalType: any, notEqualType: any, options?: any) =>
    schema.conditional(
      schema.contextRef('context_value_1'),
      schema.contextRef('context_value_2'),
      equalType,
      notEqualType,
      options
    );

  it('is required by default, with the error of the chosen type', () => {
    const type = byContext(schema.string(), schema.string());
    expect(
      validationErrorMessage(() => type.validate(undefined, { context_value_1: 0, context_value_2: 0 }))
    ).toBe('expected value of type [string] but got [undefined]');
  });

  it('uses its own default value', () => {
    const type = byContext(schema.string(), schema.string(), { defaultValue: 'unknown' });
    expect(type.validate(undefined, { context_value_1: 0, context_value_2: 0 })).toBe('unknown');
  });

  it('uses the default value of the chosen type', () => {
    const type = byContext(schema.string({ defaultValue: 'equal' }), schema.string({ defaultValue: 'not equal' }));
    expect(type.validate(undefined, { context_value_1: 0, context_value_2: 0 })).toBe('equal');
    expect(type.validate(undefined, { context_value_1: 0, context_value_2: 1 })).toBe('not equal');
  });

  it('validates with the chosen type', () => {
    const type = byContext(schema.string({ minLength: 2 }), schema.string({ maxLength: 1 }));
    const equal = { context_value_1: 0, context_value_2: 0 };
    const notEqual = { context_value_1: 0, context_value_2: 1 };
    expect(type.validate('ab', equal)).toBe('ab');
    expect(validationErrorMessage(() => type.validate('a', equal))).toBe(
      'value has length [1] but it must have a minimum length of [2].'
    );
    expect(type.validate('a', notEqual)).toBe('a');
    expect(validationErrorMessage(() => type.validate('ab', notEqual))).toBe(
      'value has length [2] but it must have a maximum length of [1].'
    );
  });

  it('handles types that are incompatible with each other', () => {
    const type = byContext(schema.string(), schema.boolean());
    expect(type.validate('a', { context_value_1: 0, context_value_2: 0 })).toBe('a');
    expect(type.validate(true, { context_value_1: 0, context_value_2: 1 })).toBe(true);
    expect(
      validationErrorMessage(() => type.validate('a', { context_value_1: 0, context_value_2: 1 }))
    ).toBe('expected value of type [boolean] but got [string]');
  });

  it('can compare with a type', () => {
    const type = schema.conditional(
      schema.contextRef('value'),
      schema.number(),
      schema.string({ minLength: 2 }),
      schema.string({ minLength: 3 })
    );
    expect(type.validate('ab', { value: 0 })).toBe('ab');
    expect(validationErrorMessage(() => type.validate('ab', { value: 'b' }))).toBe(
      'value has length [2] but it must have a minimum length of [3].'
    );
    expect(type.validate('abc', { value: 'b' })).toBe('abc');
  });

  it('can compare with the null literal', () => {
    const type = schema.conditional(
      schema.contextRef('value'),
      schema.literal(null),
      schema.string({ minLength: 2 }),
      schema.string({ minLength: 3 })
    );
    expect(type.validate('ab', { value: null })).toBe('ab');
    expect(validationErrorMessage(() => type.validate('ab', { value: 'b' }))).toBe(
      'value has length [2] but it must have a minimum length of [3].'
    );
  });

  describe('with sibling references', () => {
    const type = schema.object({
      key: schema.string(),
      value: schema.conditional(schema.siblingRef('key'), 'number', schema.number(), schema.string()),
    });

    it('validates with the type chosen by the sibling', () => {
      expect(type.validate({ key: 'number', value: 1 })).toEqual({ key: 'number', value: 1 });
      expect(type.validate({ key: 'number', value: '1' })).toEqual({ key: 'number', value: 1 });
      expect(type.validate({ key: 'string', value: 'a' })).toEqual({ key: 'string', value: 'a' });
    });

    it('reports failures at the key path, with the namespace', () => {
      expect(validationErrorMessage(() => type.validate({ key: 'string', value: 1 }))).toBe(
        '[value]: expected value of type [string] but got [number]'
      );
      expect(validationErrorMessage(() => type.validate({ key: 'number', value: 'a' }, {}, 'mega-ns'))).toBe(
        '[mega-ns.value]: expected value of type [number] but got [string]'
      );
    });

    it('sees the defaulted value of a sibling declared after it', () => {
      const later = schema.object({
        value: schema.conditional(schema.siblingRef('key'), 'number', schema.number(), schema.string()),
        key: schema.string({ defaultValue: 'number' }),
      });
      expect(later.validate({ value: '5' })).toEqual({ key: 'number', value: 5 });
    });

    it('uses the "not equal" type when the sibling is missing', () => {
      const missing = schema.object({
        value: schema.conditional(schema.siblingRef('missing-key'), 'number', schema.number(), schema.string()),
      });
      expect(missing.validate({ value: 'a' })).toEqual({ value: 'a' });
      expect(validationErrorMessage(() => missing.validate({ value: 1 }))).toBe(
        '[value]: expected value of type [string] but got [number]'
      );
    });

    it('works with a context reference as right operand', () => {
      const mixed = schema.object({
        key: schema.string(),
        value: schema.conditional(
          schema.siblingRef('key'),
          schema.contextRef('context_key'),
          schema.number(),
          schema.string()
        ),
      });
      expect(mixed.validate({ key: 'number', value: 1 }, { context_key: 'number' })).toEqual({
        key: 'number',
        value: 1,
      });
      expect(
        validationErrorMessage(() => mixed.validate({ key: 'string', value: 1 }, { context_key: 'number' }))
      ).toBe('[value]: expected value of type [string] but got [number]');
    });

    it('works within maybe', () => {
      const optional = schema.object({
        key: schema.string(),
        value: schema.maybe(
          schema.conditional(schema.siblingRef('key'), 'number', schema.number(), schema.string())
        ),
      });
      expect(optional.validate({ key: 'string' })).toEqual({ key: 'string' });
      expect(optional.validate({ key: 'number', value: 1 })).toEqual({ key: 'number', value: 1 });
    });

    it('runs the object validate after the conditional defaults', () => {
      const validate = jest.fn();
      const withDefaults = schema.object(
        {
          key: schema.string(),
          value: schema.conditional(
            schema.siblingRef('key'),
            'number',
            schema.number({ defaultValue: 100 }),
            schema.string({ defaultValue: 'some-string' })
          ),
        },
        { validate }
      );
      withDefaults.validate({ key: 'number' });
      expect(validate).toHaveBeenLastCalledWith({ key: 'number', value: 100 });
      withDefaults.validate({ key: 'not-number' });
      expect(validate).toHaveBeenLastCalledWith({ key: 'not-number', value: 'some-string' });
    });
  });

  it('works within oneOf', () => {
    const type = schema.oneOf([
      schema.conditional(schema.contextRef('type'), 'number', schema.number(), schema.string()),
      schema.conditional(schema.contextRef('type'), 'boolean', schema.boolean(), schema.arrayOf(schema.string())),
    ]);
    expect(type.validate(1, { type: 'number' })).toBe(1);
    expect(type.validate('1', { type: 'string' })).toBe('1');
    expect(type.validate(true, { type: 'boolean' })).toBe(true);
    expect(type.validate(['a', 'b'], { type: 'array' })).toEqual(['a', 'b']);
    expect(validationErrorMessage(() => type.validate(1, { type: 'string' }))).toBe(
      lines(
        'types that failed validation:',
        '- [0]: expected value of type [string] but got [number]',
        '- [1]: expected value of type [array] but got [number]'
      )
    );
  });
});
