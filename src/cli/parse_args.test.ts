import { parseArgs } from './parse_args';

describe('parseArgs', () => {
  it('reads configs, plugin paths, dev and dotted overrides', () => {
    const args = parseArgs([
      '-c', 'a.yml', '--config=b.yml', '--plugin-path', 'p1', '--plugin-path=p2', '--dev',
      '--server.port=5602', '--telemetry.optIn', 'true', '--opensearch.hosts=http://a', '--opensearch.hosts=http://b',
    ]);
    expect(args.configPaths).toEqual(['a.yml', 'b.yml']);
    expect(args.pluginPaths).toEqual(['p1', 'p2']);
    expect(args.dev).toBe(true);
    expect(args.overrides).toEqual([
      ['server.port', '5602'],
      ['telemetry.optIn', true],
      ['opensearch.hosts', ['http://a', 'http://b']],
    ]);
  });

  it('maps upstream short flags onto config keys', () => {
    expect(parseArgs(['-p', '1', '-q']).overrides).toEqual([
      ['server.port', '1'],
      ['logging.quiet', true],
    ]);
  });

  it('rejects unknown options and missing values with a message', () => {
    expect(() => parseArgs(['--bogus'])).toThrow('Unknown option: --bogus');
    expect(() => parseArgs(['--config'])).toThrow('Option --config needs a value');
  });
});
