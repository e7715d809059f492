import { LoggingSystem } from './logging_system';

const baseConfig = {
  root: { level: 'info' as const },
  loggers: [] as Array<{ context: string; level: 'debug' | 'error' | 'info' }>,
  json: false,
  silent: false,
  quiet: false,
  verbose: false,
  dest: 'stdout',
};

describe('LoggingSystem', () => {
  let lines: string[];
  let system: LoggingSystem;
  beforeEach(() => {
    lines = [];
    system = new LoggingSystem((l) => lines.push(l));
  });

  it('writes one line per event with level and context', () => {
    system.get('plugins', 'telemetry').info('hello');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[.+\]\[INFO\]\[plugins\.telemetry\] hello$/);
  });

  it('filters below the root level and applies the most specific context rule', () => {
    system.configure({
      ...baseConfig,
      loggers: [
        { context: 'plugins', level: 'error' },
        { context: 'plugins.usageCollection', level: 'debug' },
      ],
    });
    system.get('http').debug('hidden');
    system.get('plugins', 'telemetry').warn('hidden too');
    system.get('plugins', 'usageCollection', 'collector').debug('shown');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('shown');
  });

  it('applies new levels to loggers handed out before configure', () => {
    const logger = system.get('early');
    logger.debug('before');
    system.configure({ ...baseConfig, root: { level: 'debug' } as any });
    logger.debug('after');
    expect(lines.map((l) => l.split('] ')[1])).toEqual(['after']);
  });

  it('folds an error stack into one line', () => {
    system.get('x').error(new Error('boom'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Error: boom\\n');
  });

  it('writes JSON lines when asked, and silent turns everything off', () => {
    system.configure({ ...baseConfig, json: true });
    system.get('a').info('m', { n: 1 });
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'info', context: 'a', message: 'm', n: 1 });
    system.configure({ ...baseConfig, silent: true });
    system.get('a').fatal('nothing');
    expect(lines).toHaveLength(1);
  });

  it('child loggers join contexts with dots', () => {
    system.get('plugins').get('telemetry', 'sender').info('x');
    expect(lines[0]).toContain('[plugins.telemetry.sender]');
  });
});
