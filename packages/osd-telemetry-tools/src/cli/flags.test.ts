import { parseFlags } from './flags';

describe('parseFlags', () => {
  it('reads --fix, --ignore-stored-json, --path values and positional roots', () => {
    expect(parseFlags([])).toEqual({ fix: false, ignoreStoredJson: false, roots: [], help: false, unknown: [] });
    expect(parseFlags(['--fix', '../plugin'])).toMatchObject({ fix: true, roots: ['../plugin'] });
    expect(parseFlags(['--ignore-stored-json', '--verbose'])).toMatchObject({ ignoreStoredJson: true, unknown: ['--verbose'] });
    expect(parseFlags(['--path', 'a.ts', 'b.ts', 'plugin_root', '--path=c.ts'])).toMatchObject({
      paths: ['a.ts', 'b.ts', 'c.ts'],
      roots: ['plugin_root'],
    });
  });

  it.each([
    [['--fix=false'], "--fix can't have a value"],
    [['--ignore-stored-json=1'], "--ignore-stored-json can't have a value"],
    [['--path'], '--path require a value'],
    [['--path', '--fix'], '--path require a value'],
    [['--path='], '--path require a value'],
    [['--fix', '--path', 'a.ts'], '--fix is incompatible with --path flag.'],
    [['--fix', '--ignore-stored-json'], '--fix is incompatible with --ignore-stored-json flag.'],
  ])("refuses %j with upstream's message", (argv, message) => {
    expect(() => parseFlags(argv)).toThrow(message);
  });
});
