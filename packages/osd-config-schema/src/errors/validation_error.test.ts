import { SchemaError, SchemaTypeError, SchemaTypesError, ValidationError } from '.';

describe('ValidationError', () => {
  it('uses the message alone when the path is empty', () => {
    const error = new ValidationError(new SchemaTypeError('bad value', []));
    expect(error.message).toBe('bad value');
  });

  it('prefixes the message with the bracketed path', () => {
    const error = new ValidationError(new SchemaTypeError('bad value', ['server', 'port']));
    expect(error.message).toBe('[server.port]: bad value');
  });

  it('prefixes the path with the namespace', () => {
    expect(new ValidationError(new SchemaTypeError('bad', ['optIn']), 'telemetry').message).toBe(
      '[telemetry.optIn]: bad'
    );
    expect(new ValidationError(new SchemaTypeError('bad', []), 'telemetry').message).toBe(
      '[telemetry]: bad'
    );
  });

  it('lists aggregated errors, indenting each nesting level by one space', () => {
    const error = new SchemaTypesError('types that failed validation:', ['key'], [
      new SchemaTypeError('first', ['key', '0']),
      new SchemaTypesError('types that failed validation:', ['key', '1'], [
        new SchemaTypeError('nested', ['key', '0']),
      ]),
    ]);

    expect(new ValidationError(error, 'ns').message).toBe(
      [
        '[ns.key]: types that failed validation:',
        '- [ns.key.0]: first',
        '- [ns.key.1]: types that failed validation:',
        ' - [ns.key.0]: nested',
      ].join('\n')
    );
  });

  it('keeps the original error as cause and is a SchemaError', () => {
    const cause = new SchemaTypeError('bad', []);
    const error = new ValidationError(cause);
    expect(error.cause).toBe(cause);
    expect(error).toBeInstanceOf(SchemaError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ValidationError');
  });
});

describe('SchemaTypeError / SchemaTypesError', () => {
  it('keep their path, children and class', () => {
    const child = new SchemaTypeError(new Error('from error'), ['a']);
    const parent = new SchemaTypesError('parent', [], [child]);
    expect(child.message).toBe('from error');
    expect(child.path).toEqual(['a']);
    expect(parent.errors).toEqual([child]);
    expect(parent).toBeInstanceOf(SchemaTypeError);
    expect(parent.name).toBe('SchemaTypesError');
  });
});
