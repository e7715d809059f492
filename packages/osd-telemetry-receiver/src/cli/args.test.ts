import { parseArgs, UsageError } from './args';

const parse = (argv: string[], env = {}) => parseArgs(argv, { cwd: '/srv', env });

describe('parseArgs', () => {
  it('generate-key needs --out and takes no server flags', () => {
    expect(parse(['--generate-key', '--out', 'keys'])).toEqual({ command: 'generate-key', out: '/srv/keys', force: false, keyBits: 2048 });
    expect(parse(['--generate-key', '--out=k', '--force', '--key-bits', '4096'])).toEqual({ command: 'generate-key', out: '/srv/k', force: true, keyBits: 4096 });
    expect(() => parse(['--generate-key', '--out', 'k', '--key-bits', '1024'])).toThrow('--key-bits must be one of 2048, 3072, 4096, got "1024"');
    expect(() => parse(['--generate-key', '--out', 'k', '--key-bits=3072x'])).toThrow('--key-bits must be one of');
    expect(() => parse(['--key-bits', '3072'])).toThrow('--out, --key-bits and --force go with --generate-key only');
    expect(() => parse(['--generate-key'])).toThrow('--generate-key needs --out DIR');
    expect(() => parse(['--generate-key', '--out', 'k', '--port', '1'])).toThrow('--port does not go with --generate-key');
  });

  it('serve: defaults on loopback, every flag read, mistakes named', () => {
    expect(parse([])).toEqual({ command: 'serve', host: '127.0.0.1', port: 5602, dataDir: '/srv/data/receiver', opensearch: [], indexPrefix: undefined, keyFile: undefined, readToken: undefined, schemaFiles: [], limits: {} });
    expect(
      parse(['--port', '0', '--data', '/d', '--key', 'k.json', '--read-token', 'abcdefghijklmnop', '--host', '0.0.0.0', '--schema', 's.json', '--rate', '10', '--max-report-bytes=2048'])
    ).toEqual({
      command: 'serve',
      host: '0.0.0.0',
      port: 0,
      dataDir: '/d',
      opensearch: [],
      indexPrefix: undefined,
      keyFile: '/srv/k.json',
      readToken: 'abcdefghijklmnop',
      schemaFiles: ['/srv/s.json'],
      limits: { ingestPerMinute: 10, maxReportBytes: 2048 },
    });
    expect(() => parse(['--port', '70000'])).toThrow('--port must be a whole number from 0 to 65535, got "70000"');
    expect(() => parse(['--port'])).toThrow('--port needs a value');
    expect(() => parse(['--read-token', 'short'])).toThrow(UsageError);
    expect(() => parse(['--nope'])).toThrow('unknown argument --nope');
    expect(() => parse(['--out', 'x'])).toThrow('--out, --key-bits and --force go with --generate-key only');
  });

  it('--opensearch (repeatable) picks the OpenSearch store instead of --data', () => {
    expect(parse(['--opensearch', 'http://a:9200', '--opensearch=http://b:9200', '--index-prefix', 'telemetry-x'])).toMatchObject({
      opensearch: ['http://a:9200', 'http://b:9200'],
      indexPrefix: 'telemetry-x',
    });
    expect(() => parse(['--opensearch', 'a:9200'])).toThrow('--opensearch must be an http(s) URL, got "a:9200"');
    expect(() => parse(['--opensearch', 'http://a', '--data', 'd'])).toThrow('--data (SQLite) and --opensearch are two stores');
    expect(() => parse(['--index-prefix', 'telemetry-x'])).toThrow('--index-prefix goes with --opensearch');
  });

  it('takes the read token from OSD_RECEIVER_READ_TOKEN, checked the same way', () => {
    expect(parse([], { OSD_RECEIVER_READ_TOKEN: 'abcdefghijklmnopq' })).toMatchObject({ readToken: 'abcdefghijklmnopq' });
    expect(() => parse([], { OSD_RECEIVER_READ_TOKEN: 'x y' })).toThrow('OSD_RECEIVER_READ_TOKEN must be');
  });
});
