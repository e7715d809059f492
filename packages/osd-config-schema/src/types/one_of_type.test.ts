import { schema } from '..';
import { validationErrorMessage } from '../__test_utils__/expect_error';

const lines = (...parts: string[]) => parts.join('\n');

describe('schema.oneOf', () => {
  it('returns the value of the first matching type', () => {
    const type = schema.oneOf([schema.string(), schema.number()]);
    expect(type.validate('test')).toBe('test');
    expect(type.validate(123)).toBe(123);
  });

  it('converts with the first type that accepts the value', () => {
    expect(schema.oneOf([schema.number(), schema.string()]).validate('12')).toBe(12);
    expect(schema.oneOf([schema.string(), schema.number()]).validate('12')).toBe('12');
    expect(schema.oneOf([schema.literal(false), schema.number()]).validate('42')).toBe(42);
  });

  it('handles objects, including several with the same key', () => {
    const type = schema.oneOf([
      schema.object({ age: schema.string() }),
      schema.object({ age: schema.number() }),
    ]);
    expect(type.validate({ age: 'foo' })).toEqual({ age: 'foo' });
    expect(type.validate({ age: 12 })).toEqual({ age: 12 });
  });

  it('handles literals and their default', () => {
    const type = schema.oneOf([schema.literal('foo'), schema.literal('bar')], { defaultValue: 'bar' });
    expect(type.validate('foo')).toBe('foo');
    expect(type.validate(undefined)).toBe('bar');
  });

  it('handles maybe', () => {
    const type = schema.maybe(schema.oneOf([schema.maybe(schema.string())]));
    expect(type.validate(undefined)).toBe(undefined);
    expect(type.validate('test')).toBe('test');
  });

  it('is required by default', () => {
    expect(validationErrorMessage(() => schema.oneOf([schema.string()]).validate(undefined))).toBe(
      'expected at least one defined value but got [undefined]'
    );
  });

  it('lists the failure of a single type', () => {
    expect(validationErrorMessage(() => schema.oneOf([schema.string()]).validate(false))).toBe(
      lines('types that failed validation:', '- [0]: expected value of type [string] but got [boolean]')
    );
  });

  it('lists the failure of every type', () => {
    expect(
      validationErrorMessage(() => schema.oneOf([schema.string(), schema.number()]).validate(false))
    ).toBe(
      lines(
        'types that failed validation:',
        '- [0]: expected value of type [string] but got [boolean]',
        '- [1]: expected value of type [number] but got [boolean]'
      )
    );
  });

  it('lists literal failures', () => {
    const type = schema.object({
      level: schema.oneOf([schema.literal('info'), schema.literal('warn'), schema.literal('error')]),
    });
    expect(validationErrorMessage(() => type.validate({ level: 'debug' }, {}, 'logging'))).toBe(
      lines(
        '[logging.level]: types that failed validation:',
        '- [logging.level.0]: expected value to equal [info]',
        '- [logging.level.1]: expected value to equal [warn]',
        '- [logging.level.2]: expected value to equal [error]'
      )
    );
  });

  it('reports nested paths of object failures after the type index', () => {
    const type = schema.oneOf([schema.object({ age: schema.number() })]);
    expect(validationErrorMessage(() => type.validate({ age: 'foo' }, {}, 'foo-namespace'))).toBe(
      lines(
        '[foo-namespace]: types that failed validation:',
        '- [foo-namespace.0.age]: expected value of type [number] but got [string]'
      )
    );
  });

  it('indents the failures of nested unions', () => {
    const type = schema.oneOf([
      schema.oneOf([schema.boolean()]),
      schema.oneOf([schema.oneOf([schema.object({}), schema.number()])]),
    ]);
    expect(validationErrorMessage(() => type.validate('aaa'))).toBe(
      lines(
        'types that failed validation:',
        '- [0]: types that failed validation:',
        ' - [0]: expected value of type [boolean] but got [string]',
        '- [1]: types that failed validation:',
        ' - [0]: types that failed validation:',
        '  - [0]: could not parse object value from json input',
        '  - [1]: expected value of type [number] but got [string]'
      )
    );
  });

  it('reports nested unions inside objects with their paths', () => {
    const type = schema.object({
      legend: schema.oneOf([
        schema.object({ position: schema.oneOf([schema.literal('top'), schema.literal('bottom')]) }),
        schema.object({ placement: schema.literal('inside') }),
      ]),
    });
    expect(validationErrorMessage(() => type.validate({ legend: { position: 'left' } }))).toBe(
      lines(
        '[legend]: types that failed validation:',
        '- [legend.0.position]: types that failed validation:',
        ' - [legend.position.0]: expected value to equal [top]',
        ' - [legend.position.1]: expected value to equal [bottom]',
        '- [legend.1.placement]: expected value to equal [inside]'
      )
    );
  });

  it('sees the validated value of siblings referenced by its types, whatever the key order', () => {
    const type = schema.object({
      value: schema.oneOf([
        schema.conditional(schema.siblingRef('kind'), 'number', schema.number(), schema.string()),
      ]),
      kind: schema.string({ defaultValue: 'number' }),
    });
    expect(type.validate({ value: '5' })).toEqual({ kind: 'number', value: 5 });
    expect(type.validate({ value: '5', kind: 'text' })).toEqual({ kind: 'text', value: '5' });
  });

  it('runs its own validate on the matched value', () => {
    const type = schema.oneOf([schema.string(), schema.number()], {
      validate: (value) => (value === 'bad' ? 'bad value' : undefined),
    });
    expect(type.validate(1)).toBe(1);
    expect(validationErrorMessage(() => type.validate('bad'))).toBe('bad value');
  });
});

describe('schema.nullable', () => {
  it('accepts null and the wrapped type', () => {
    expect(schema.nullable(schema.string()).validate(null)).toBe(null);
    expect(schema.nullable(schema.string()).validate('a')).toBe('a');
  });

  it('turns undefined into null', () => {
    expect(schema.nullable(schema.string()).validate(undefined)).toBe(null);
    expect(schema.object({ a: schema.nullable(schema.number()) }).validate({})).toEqual({ a: null });
  });

  it('lists both failures', () => {
    expect(validationErrorMessage(() => schema.nullable(schema.string()).validate(1))).toBe(
      lines(
        'types that failed validation:',
        '- [0]: expected value of type [string] but got [number]',
        '- [1]: expected value to equal [null]'
      )
    );
  });
});
