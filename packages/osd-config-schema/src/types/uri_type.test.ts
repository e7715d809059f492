import { schema } from '..';
import { validationErrorMessage } from '../__test_utils__/expect_error';

describe('schema.uri', () => {
  it.each([
    'http://tools.ietf.org/html/rfc3986',
    'udp://3domain.local',
    'urn:opensearch:opensearchDashboards',
    'ftp://ftp.ietf.org/rfc/rfc3986.txt',
    'mailto:someone@example.com',
    'file:///opensearch_dashboards.log',
    'http://opensearch:changeme@localhost:9200',
    'ldap://[2001:db8::7]/c=GB?objectClass?one',
    'https://localhost:9200/path?query=1#hash',
  ])('accepts %s', (value) => {
    expect(schema.uri().validate(value)).toBe(value);
  });

  it.each(['3domain.local', '-', 'http://8010:0:0:0:9:500:300C:200A', 'https://example.com?baz[]=foo'])(
    'rejects %j',
    (value) => {
      expect(validationErrorMessage(() => schema.uri().validate(value))).toBe(
        'value must be a valid URI (see RFC 3986).'
      );
    }
  );

  it('rejects the empty string', () => {
    expect(validationErrorMessage(() => schema.uri().validate(''))).toBe(
      '"value" is not allowed to be empty'
    );
  });

  it('is required by default and rejects non strings', () => {
    expect(validationErrorMessage(() => schema.uri().validate(undefined))).toBe(
      'expected value of type [string] but got [undefined].'
    );
    expect(validationErrorMessage(() => schema.uri().validate(123))).toBe(
      'expected value of type [string] but got [number].'
    );
  });

  it('restricts the scheme', () => {
    const type = schema.uri({ scheme: ['http', 'https'] });
    expect(type.validate('https://opensearch.org')).toBe('https://opensearch.org');
    expect(validationErrorMessage(() => type.validate('ftp://opensearch.org'))).toBe(
      'expected URI with scheme [http|https].'
    );
    expect(validationErrorMessage(() => schema.uri({ scheme: 'https' }).validate('http://a.b'))).toBe(
      'expected URI with scheme [https].'
    );
  });

  it('supports defaults and validate', () => {
    expect(schema.uri({ defaultValue: 'http://localhost:9200' }).validate(undefined)).toBe(
      'http://localhost:9200'
    );
    const validate = jest.fn(() => 'validator failure');
    expect(validationErrorMessage(() => schema.uri({ validate }).validate('http://a.b'))).toBe(
      'validator failure'
    );
    expect(validate).toHaveBeenCalledWith('http://a.b');
  });
});

describe('schema.ip', () => {
  it.each(['127.0.0.1', '0.0.0.0', '::1', '2001:db8::7'])('accepts %s', (value) => {
    expect(schema.ip().validate(value)).toBe(value);
  });

  it.each(['1.2.3', '256.0.0.1', 'localhost', '10.0.0.0/8'])('rejects %s', (value) => {
    expect(validationErrorMessage(() => schema.ip().validate(value))).toBe(
      'value must be a valid ipv4 or ipv6 address'
    );
  });

  it('restricts the versions', () => {
    expect(schema.ip({ versions: ['ipv4'] }).validate('1.1.1.1')).toBe('1.1.1.1');
    expect(validationErrorMessage(() => schema.ip({ versions: ['ipv4'] }).validate('::1'))).toBe(
      'value must be a valid ipv4 address'
    );
    expect(validationErrorMessage(() => schema.ip({ versions: ['ipv6'] }).validate('1.1.1.1'))).toBe(
      'value must be a valid ipv6 address'
    );
  });

  it('rejects non strings', () => {
    expect(validationErrorMessage(() => schema.ip().validate(1))).toBe(
      'expected value of type [string] but got [number]'
    );
  });
});
