import { schema } from '..';
import { isConfigSchema } from '.';

describe('isConfigSchema', () => {
  it('recognizes every schema type', () => {
    expect(isConfigSchema(schema.string())).toBe(true);
    expect(isConfigSchema(schema.object({ a: schema.number() }))).toBe(true);
    expect(isConfigSchema(schema.maybe(schema.string()))).toBe(true);
    expect(isConfigSchema(schema.oneOf([schema.string()]))).toBe(true);
  });

  it.each([undefined, null, 'a', 1, {}, { validate: () => 1 }, schema.siblingRef('a')])(
    'rejects %p',
    (value) => {
      expect(isConfigSchema(value)).toBe(false);
    }
  );
});
