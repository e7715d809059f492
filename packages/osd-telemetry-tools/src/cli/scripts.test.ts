import { spawnSync } from 'child_process';
import { readFileSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { copyFixtures, REPO_ROOT } from '../__test_utils__/temp_project';

/** Runs one of the real scripts (`scripts/<name>.js`) with the fixtures copy as working directory. */
function script(name: 'telemetry_check' | 'telemetry_extract', cwd: string, ...argv: string[]) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', `${name}.js`), ...argv], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scripts/telemetry_check.js and telemetry_extract.js (child processes, on a copy of the fixtures)', () => {
  let copy: ReturnType<typeof copyFixtures>;
  const file = (name: string) => path.join(copy.fixtures, name);

  beforeAll(() => {
    copy = copyFixtures();
  });
  afterAll(() => copy.cleanup());

  it('passes on the fixtures as committed', () => {
    const { status, stdout } = script('telemetry_check', copy.fixtures);
    expect(stdout).toContain('✔ Checking matching collector.schema against stored json files (stored_schema.json)');
    expect(status).toBe(0);
  });

  it('fails when a schema changed; --fix writes the stored file; a second run is clean', () => {
    const source = readFileSync(file('working_collector.ts'), 'utf8');
    writeFileSync(file('working_collector.ts'), source.replace("flat: { type: 'keyword' }", "flat: { type: 'text' }"));

    const failed = script('telemetry_check', copy.fixtures);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(
      'collector "my_working_collector" (working_collector.ts:21), field "flat": stored {"type":"keyword"}, schema {"type":"text"}'
    );

    const fixed = script('telemetry_check', copy.fixtures, '--fix');
    expect(fixed.stdout).toContain('updated stored_schema.json');
    expect(fixed.status).toBe(0);
    expect(JSON.parse(readFileSync(file('stored_schema.json'), 'utf8')).properties.my_working_collector.properties.flat).toEqual({
      type: 'text',
    });

    expect(script('telemetry_check', copy.fixtures)).toMatchObject({ status: 0 });
  });

  it('refuses --fix with --path, writing nothing', () => {
    const before = readFileSync(file('stored_schema.json'), 'utf8');
    const { status, stderr } = script('telemetry_check', copy.fixtures, '--fix', '--path', 'working_collector.ts');
    expect(stderr).toContain('TELEMETRY ERROR  --fix is incompatible with --path flag.');
    expect(status).toBe(1);
    expect(readFileSync(file('stored_schema.json'), 'utf8')).toBe(before);
  });

  it('exits 1 on a mismatched field, naming the file, the collector type and the field', () => {
    writeFileSync(file('.telemetryrc.json'), JSON.stringify({ root: '.', output: 'stored_schema.json', exclude: ['excluded/', 'bad_category_collector.ts', 'missing_generic_collector.ts'] }));
    const { status, stderr } = script('telemetry_check', copy.fixtures);
    expect(stderr).toContain('Error in mismatched_field_collector.ts:9 (collector "mismatched_field_collector")');
    expect(stderr).toContain('incompatible Type key (Usage.count): expected ("string") got ("number").');
    expect(status).toBe(1);
  });

  it('telemetry_extract writes the stored file without the type check', () => {
    writeFileSync(file('.telemetryrc.json'), JSON.stringify({ root: '.', output: 'stored_schema.json', exclude: ['excluded/', 'bad_category_collector.ts', 'missing_generic_collector.ts'] }));
    rmSync(file('stored_schema.json'));
    const { status, stdout } = script('telemetry_extract', copy.fixtures);
    expect(stdout).toContain('updated stored_schema.json');
    expect(status).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(file('stored_schema.json'), 'utf8')).properties)).toContain('mismatched_field_collector');
  });
});
