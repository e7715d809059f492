import { schema } from '..';
import { ContextReference, Reference, SiblingReference } from '.';

describe('Reference.isReference', () => {
  it('recognizes references', () => {
    expect(Reference.isReference(schema.siblingRef('a'))).toBe(true);
    expect(Reference.isReference(schema.contextRef('a'))).toBe(true);
  });

  it.each([undefined, null, 'a', 1, {}, { getSchema: () => 'a' }, () => 1])('rejects %p', (value) => {
    expect(Reference.isReference(value)).toBe(false);
  });

  it('creates the right classes', () => {
    expect(schema.siblingRef('a')).toBeInstanceOf(SiblingReference);
    expect(schema.contextRef('a')).toBeInstanceOf(ContextReference);
  });
});

describe('references as default values', () => {
  const type = schema.object({
    context: schema.string({ defaultValue: schema.contextRef('context_value') }),
    key: schema.string(),
    value: schema.string({ defaultValue: schema.siblingRef('key') }),
  });

  it('resolve against the context and the siblings', () => {
    expect(type.validate({ key: 'key#1' }, { context_value: 'context#1' })).toEqual({
      context: 'context#1',
      key: 'key#1',
      value: 'key#1',
    });
  });

  it('are not used when a value is given', () => {
    expect(type.validate({ key: 'k', value: 'v', context: 'c' }, { context_value: 'x' })).toEqual({
      key: 'k',
      value: 'v',
      context: 'c',
    });
  });

  it('resolve to undefined when the context key is missing', () => {
    expect(type.validate({ key: 'key#1' })).toEqual({ key: 'key#1', value: 'key#1' });
  });

  it('see the validated (defaulted and converted) sibling, whatever the key order', () => {
    const ordered = schema.object({
      target: schema.number({ defaultValue: schema.siblingRef('source') }),
      source: schema.number({ defaultValue: 5601 }),
    });
    expect(ordered.validate({})).toEqual({ source: 5601, target: 5601 });
    expect(ordered.validate({ source: '80' })).toEqual({ source: 80, target: 80 });
  });

  it('can reference nested context keys', () => {
    const nested = schema.boolean({ defaultValue: schema.contextRef('env.dev') });
    expect(nested.validate(undefined, { env: { dev: true } })).toBe(true);
  });
});
