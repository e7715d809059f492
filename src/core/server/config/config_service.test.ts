import { schema } from '@osd/config-schema';
import { ConfigService } from './config_service';
import { ConfigError } from './config_error';
import { Env } from './env';

const env: Env = {
  homeDir: '/x',
  configPaths: [],
  cliArgs: { dev: false, pluginPaths: [], overrides: [] },
  mode: { name: 'production', dev: false, prod: true },
  packageInfo: { version: '2.19.0', branch: 'main', buildNum: 1, buildSha: 'sha', dist: false },
  pluginScanDirs: [],
};

const serverSchema = schema.object({ port: schema.number({ defaultValue: 5601 }), name: schema.string({ defaultValue: 'n' }) });

function create(raw: Record<string, any>, sources: Array<[string, string]> = []) {
  return new ConfigService(raw, new Map(sources), env);
}

describe('ConfigService', () => {
  it('validates each path and fills defaults', () => {
    const config = create({ server: { port: 1234 } });
    config.setSchema('server', serverSchema);
    config.validate();
    expect(config.atPathSync('server')).toEqual({ port: 1234, name: 'n' });
  });

  it('names the key and the file on a bad value', () => {
    const config = create({ server: { port: 'abc' } }, [['server.port', '/etc/osd.yml']]);
    config.setSchema('server', serverSchema);
    expect(() => config.validate()).toThrow(ConfigError);
    expect(() => config.validate()).toThrow(/\[server\.port\]: .*set in \/etc\/osd\.yml/);
  });

  it('says when a required key is set nowhere', () => {
    const config = create({});
    config.setSchema('telemetry', schema.object({ url: schema.string() }));
    expect(() => config.validate()).toThrow(/\[telemetry\.url\]: expected value of type \[string\] but got \[undefined\].*not set in any config file/);
  });

  it('rejects keys that no schema declares, naming them and their file', () => {
    const config = create({ server: { port: 1 }, unknownPlugin: { a: 1 } }, [['unknownPlugin.a', 'osd.yml']]);
    config.setSchema('server', serverSchema);
    expect(() => config.validate()).toThrow('Unknown configuration key(s): "unknownPlugin.a" (set in osd.yml)');
  });

  it('rejects unknown keys inside a declared object', () => {
    const config = create({ server: { prot: 1 } });
    config.setSchema('server', serverSchema);
    expect(() => config.validate()).toThrow('[server.prot]: definition for this key is missing');
  });

  it('treats <path>.enabled as handled and reads it from the raw config', () => {
    const config = create({ usageCollection: { enabled: false, other: 1 } });
    expect(config.isEnabledAtPath('usageCollection')).toBe(false);
    config.markHandled('usageCollection');
    config.validate();
    expect(create({}).isEnabledAtPath('x')).toBe(true);
    expect(() => create({ x: { enabled: 'maybe' } }).isEnabledAtPath('x')).toThrow('[x.enabled]');
  });

  it('refuses a second schema at the same path and reads before validation', () => {
    const config = create({});
    config.setSchema('server', serverSchema);
    expect(() => config.setSchema('server', serverSchema)).toThrow('already registered');
    expect(() => config.atPathSync('server')).toThrow('has not been validated yet');
    expect(() => config.atPathSync('nothing')).toThrow('No config schema registered for [nothing]');
  });

  it('passes the env as context, so contextRef defaults work', () => {
    const config = create({});
    config.setSchema('x', schema.object({ dev: schema.boolean({ defaultValue: schema.contextRef('dev') }) }));
    config.validate();
    expect(config.atPathSync('x')).toEqual({ dev: false });
  });

  it('builds errors found after validation with the same suffix as schema errors', () => {
    const config = create({ path: { data: '/x' } }, [['path.data', '/etc/osd.yml']]);
    const error = config.errorFor('path.data', '[path.data]: not a folder');
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe('[path.data]: not a folder (config key [path.data] set in /etc/osd.yml)');
    expect(create({}).errorFor('path.data', 'x').message).toBe('x (config key [path.data] is not set in any config file)');
  });
});
