import * as configSchema from '.';
import { schema, TypeOf, ValidationError } from '.';
import { validationErrorMessage } from './__test_utils__/expect_error';

describe('@osd/config-schema entry point', () => {
  it('exposes the schema factories', () => {
    expect(Object.keys(schema).sort()).toEqual(
      [
        'any',
        'arrayOf',
        'boolean',
        'buffer',
        'byteSize',
        'conditional',
        'contextRef',
        'duration',
        'ip',
        'literal',
        'mapOf',
        'maybe',
        'never',
        'nullable',
        'number',
        'object',
        'oneOf',
        'recordOf',
        'siblingRef',
        'stream',
        'string',
        'uri',
      ].sort()
    );
  });

  it('exposes the classes', () => {
    expect(configSchema.ByteSizeValue).toBeDefined();
    expect(configSchema.ObjectType).toBeDefined();
    expect(configSchema.Type).toBeDefined();
    expect(configSchema.SchemaTypeError).toBeDefined();
    expect(configSchema.ValidationError).toBeDefined();
    expect(configSchema.isConfigSchema).toBeDefined();
  });
});

describe('a plugin configuration', () => {
  const telemetryConfig = schema.object({
    enabled: schema.boolean({ defaultValue: true }),
    optIn: schema.boolean({ defaultValue: true }),
    allowChangingOptInStatus: schema.boolean({ defaultValue: true }),
    sendUsageFrom: schema.oneOf([schema.literal('server'), schema.literal('browser')], {
      defaultValue: 'browser',
    }),
    url: schema.conditional(
      schema.contextRef('dev'),
      true,
      schema.uri({ scheme: ['https'], defaultValue: 'https://telemetry-staging.example.org' }),
      schema.uri({ scheme: ['https'], defaultValue: 'https://telemetry.example.org' })
    ),
    interval: schema.duration({ defaultValue: '12h' }),
    batch: schema.object({
      maxSize: schema.byteSize({ defaultValue: '512kb', max: '10mb' }),
      maxItems: schema.number({ defaultValue: 100, min: 1 }),
    }),
  });

  it('is filled with defaults', () => {
    const value: TypeOf<typeof telemetryConfig> = telemetryConfig.validate({}, { dev: false }, 'telemetry');
    expect(value).toMatchObject({
      enabled: true,
      optIn: true,
      allowChangingOptInStatus: true,
      sendUsageFrom: 'browser',
      url: 'https://telemetry.example.org',
      batch: { maxItems: 100 },
    });
    expect(value.interval.asHours()).toBe(12);
    expect(value.batch.maxSize.getValueInBytes()).toBe(512 * 1024);
    expect(telemetryConfig.validate({}, { dev: true }).url).toBe('https://telemetry-staging.example.org');
  });

  it('converts string values as they come from the command line', () => {
    const value = telemetryConfig.validate(
      { optIn: 'false', interval: '30s', batch: { maxItems: '5', maxSize: '1mb' } },
      { dev: false }
    );
    expect(value.optIn).toBe(false);
    expect(value.interval.asSeconds()).toBe(30);
    expect(value.batch.maxItems).toBe(5);
    expect(value.batch.maxSize.getValueInBytes()).toBe(1024 * 1024);
  });

  it.each([
    [{ optIn: 'nope' }, '[telemetry.optIn]: expected value of type [boolean] but got [string]'],
    [{ foo: true }, '[telemetry.foo]: definition for this key is missing'],
    [{ batch: { maxItems: 0 } }, '[telemetry.batch.maxItems]: Value must be equal to or greater than [1].'],
    [{ batch: { maxSize: '20mb' } }, '[telemetry.batch.maxSize]: Value must be equal to or less than [10mb]'],
    [{ url: 'http://insecure.example.org' }, '[telemetry.url]: expected URI with scheme [https].'],
    [
      { sendUsageFrom: 'elsewhere' },
      [
        '[telemetry.sendUsageFrom]: types that failed validation:',
        '- [telemetry.sendUsageFrom.0]: expected value to equal [server]',
        '- [telemetry.sendUsageFrom.1]: expected value to equal [browser]',
      ].join('\n'),
    ],
  ])('rejects %p', (value, message) => {
    expect(validationErrorMessage(() => telemetryConfig.validate(value, { dev: false }, 'telemetry'))).toBe(
      message
    );
  });

  it('throws ValidationError instances', () => {
    expect(() => telemetryConfig.validate({ optIn: 1 })).toThrow(ValidationError);
  });
});
