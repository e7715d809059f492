import { DEFAULT_URL, parseArgs, UsageError } from './args';

const parse = (line: string, env = {}) => parseArgs(line.split(' ').filter(Boolean), env);
const fails = (line: string) => {
  try {
    parse(line);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`"${line}" was accepted`);
};

describe('parseArgs', () => {
  it('reads each command with its arguments and the shared options', () => {
    expect(parse('status')).toEqual({ command: 'status', ids: [], url: DEFAULT_URL, json: false });
    expect(parse('history --json --url http://osd.example:5601/base/')).toEqual({ command: 'history', ids: [], url: 'http://osd.example:5601/base', json: true });
    expect(parse('show lzx3k2a1q-3f9a2c1b')).toMatchObject({ command: 'show', id: 'lzx3k2a1q-3f9a2c1b' });
    expect(parse('diff abc --json')).toMatchObject({ command: 'diff', id: 'abc', json: true });
    expect(parse('export')).toMatchObject({ command: 'export', ids: [] });
    expect(parse('export a b --out /tmp/x.json')).toMatchObject({ command: 'export', ids: ['a', 'b'], out: '/tmp/x.json' });
    expect(parse('export --out -')).toMatchObject({ out: '-' });
    expect(parse('opt-in --level=operational')).toMatchObject({ command: 'opt-in', level: 'operational' });
    expect(parse('opt-in')).not.toHaveProperty('level');
    expect(parse('opt-out')).toMatchObject({ command: 'opt-out' });
    expect(parse('send --url=https://h:1')).toMatchObject({ command: 'send', url: 'https://h:1' });
  });

  it('takes the URL from OSD_URL unless --url is given', () => {
    expect(parse('status', { OSD_URL: 'http://a:1' }).url).toBe('http://a:1');
    expect(parse('status --url http://b:2', { OSD_URL: 'http://a:1' }).url).toBe('http://b:2');
  });

  it('shows the help', () => {
    expect(parse('--help').command).toBe('help');
    expect(parse('help').command).toBe('help');
    expect(parse('history -h').command).toBe('help');
  });

  it('refuses credentials on the command line, and in the URL', () => {
    for (const flag of ['--password x', '--username admin', '-u admin:pw', '--api-key k', '--token=t']) {
      expect(fails(`history ${flag}`)).toMatch(/credentials are never taken from the command line .*OSD_API_KEY, or OSD_USERNAME and OSD_PASSWORD/);
    }
    expect(fails('status --url http://admin:pw@localhost:5601')).toMatch(/must not carry credentials/);
  });

  it('names each mistake', () => {
    expect(fails('')).toBe('a command is needed');
    expect(fails('stats')).toBe('unknown command "stats"');
    expect(fails('show')).toBe('show needs one report ID');
    expect(fails('diff a b')).toBe('diff needs one report ID');
    expect(fails('status extra')).toBe('status takes no argument, got "extra"');
    expect(fails('history --verbose')).toBe('unknown option --verbose');
    expect(fails('opt-in --level everything')).toBe('--level must be operational or full, got "everything"');
    expect(fails('opt-in --level')).toBe('--level needs a value');
    expect(fails('opt-out --level full')).toBe('--level goes with opt-in only');
    expect(fails('history --out f')).toBe('--out goes with export only');
    expect(fails('status --url ftp://x')).toBe('--url must be an http(s) URL, got "ftp://x"');
    expect(fails('status --url nowhere')).toBe('--url must be an http(s) URL, got "nowhere"');
  });
});
