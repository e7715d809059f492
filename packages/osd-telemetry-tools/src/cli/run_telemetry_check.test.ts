import { readFileSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { copyFixtures } from '../__test_utils__/temp_project';
import { runTelemetryExtract } from './run_telemetry_extract';
import { runTelemetryCheck } from './run_telemetry_check';

/** Runs a tool in-process in the fixtures copy; returns its exit code and everything it printed. */
function run(tool: typeof runTelemetryCheck, cwd: string, ...argv: string[]) {
  const lines: string[] = [];
  const code = tool({ argv, cwd, log: { info: (l) => lines.push(l), error: (l) => lines.push(l) } });
  return { code, output: lines.join('\n') };
}

describe('runTelemetryCheck (in-process, on a copy of the fixtures)', () => {
  let copy: ReturnType<typeof copyFixtures>;
  const rc = (exclude: string[], extra: object = {}) =>
    writeFileSync(path.join(copy.fixtures, '.telemetryrc.json'), JSON.stringify({ root: '.', output: 'stored_schema.json', exclude, ...extra }));
  const file = (name: string) => path.join(copy.fixtures, name);

  beforeEach(() => {
    copy = copyFixtures();
  });
  afterEach(() => copy.cleanup());

  it('passes on the fixtures against the committed stored file', () => {
    const { code, output } = run(runTelemetryCheck, copy.fixtures);
    expect(output).toContain('✔ Extracting collectors (12 found)');
    expect(output).toContain('✔ Checking collector categories (2 operational, 1 usage, 9 undeclared, counted as usage)');
    expect(output).toContain('✔ Checking matching collector.schema against stored json files (stored_schema.json)');
    expect(code).toBe(0);
  });

  it('fails on a stored file that drifted, naming the field; --fix rewrites it; then the check is clean', () => {
    const stored = JSON.parse(readFileSync(file('stored_schema.json'), 'utf8'));
    stored.properties.my_working_collector.properties.flat.type = 'text';
    stored.properties.removed_collector = { properties: {} };
    writeFileSync(file('stored_schema.json'), JSON.stringify(stored));

    const failed = run(runTelemetryCheck, copy.fixtures);
    expect(failed.code).toBe(1);
    expect(failed.output).toContain("The following changes must be persisted in stored_schema.json file. Use '--fix' to update.");
    expect(failed.output).toContain('collector "my_working_collector" (working_collector.ts:21), field "flat": stored {"type":"text"}, schema {"type":"keyword"}');
    expect(failed.output).toContain('collector "removed_collector": in the stored file, but no collector of that type was found');

    expect(run(runTelemetryCheck, copy.fixtures, '--fix')).toMatchObject({ code: 0, output: expect.stringContaining('updated stored_schema.json') });
    expect(run(runTelemetryCheck, copy.fixtures)).toMatchObject({ code: 0 });
  });

  it('--ignore-stored-json checks types only; --path checks only those files', () => {
    rmSync(file('stored_schema.json'));
    expect(run(runTelemetryCheck, copy.fixtures).code).toBe(1);
    expect(run(runTelemetryCheck, copy.fixtures, '--ignore-stored-json').code).toBe(0);
    const partial = run(runTelemetryCheck, copy.fixtures, '--ignore-stored-json', '--path', 'nested_collector.ts');
    expect(partial.output).toContain('✔ Extracting collectors (1 found in nested_collector.ts)');
  });

  it('reports a mismatched field with the file, the collector type and the field; never writes', () => {
    rc(['excluded/', 'bad_category_collector.ts', 'missing_generic_collector.ts']);
    const before = readFileSync(file('stored_schema.json'), 'utf8');
    for (const argv of [[], ['--fix'], ['--path', 'mismatched_field_collector.ts']]) {
      const { code, output } = run(runTelemetryCheck, copy.fixtures, ...argv);
      expect(code).toBe(1);
      expect(output).toContain(' TELEMETRY ERROR  Error in mismatched_field_collector.ts:9 (collector "mismatched_field_collector")');
      expect(output).toContain(`incompatible Type key (Usage.count): expected ("string") got ("number"). The schema declares 'keyword'.`);
      expect(output).toContain('Please fix the collectors and run the check again.');
    }
    expect(readFileSync(file('stored_schema.json'), 'utf8')).toBe(before);
  });

  it('refuses a --path that is excluded, or holds no collector', () => {
    expect(run(runTelemetryCheck, copy.fixtures, '--path', 'excluded/excluded_collector.ts').output).toContain(
      'Collector specified in `path` is excluded; Check the telemetryrc.json files. (excluded/excluded_collector.ts is not under any root, or excluded)'
    );
    expect(run(runTelemetryCheck, copy.fixtures, '--path', 'constants.ts').output).toContain(
      'No usage collector found in constants.ts (given with --path).'
    );
  });

  it('keeps the data dictionary up to date: missing or stale fails, --fix and telemetry_extract write it', () => {
    rc(['excluded/', 'bad_category_collector.ts', 'mismatched_field_collector.ts', 'missing_generic_collector.ts'], { dictionary: 'fields.md' });
    expect(run(runTelemetryCheck, copy.fixtures).output).toContain("fields.md is out of date with the collectors' schemas. Use '--fix' to update.");
    expect(run(runTelemetryExtract, copy.fixtures).output).toContain('updated fields.md');
    const fields = readFileSync(file('fields.md'), 'utf8');
    expect(fields).toContain('| `dynamic_key_collector.apps.*.clicks` | long | Number of clicks |');
    expect(fields).toContain('| [`category_literal_collector`](#category_literal_collector) | operational | `categorized_collector.ts` |');
    expect(fields).toContain('## category_constant_collector\n\nDefined in `categorized_collector.ts`; usage type `Usage`.\n\nCategory: usage — sent at the full level only.\n');
    expect(fields).toContain('## my_working_collector\n\nDefined in `working_collector.ts`; usage type `Usage`.\n\nCategory: none declared — counts as usage, sent at the full level only.\n');
    expect(readFileSync(file('stored_schema.json'), 'utf8')).not.toContain('category": "');
    expect(run(runTelemetryCheck, copy.fixtures).code).toBe(0);
    writeFileSync(file('fields.md'), 'edited by hand\n');
    expect(run(runTelemetryCheck, copy.fixtures).code).toBe(1);
    expect(run(runTelemetryCheck, copy.fixtures, '--fix').code).toBe(0);
    expect(run(runTelemetryCheck, copy.fixtures).code).toBe(0);
  });

  const EXCLUDE = ['excluded/', 'bad_category_collector.ts', 'mismatched_field_collector.ts', 'missing_generic_collector.ts'];
  const MISSING = (name: string, at: string) => `collector "${name}" (${at}) declares no category: add category: 'operational' or 'usage'`;

  it('requireCategory: fails on every collector without a category, naming it, its file and line; never writes', () => {
    rc(EXCLUDE, { requireCategory: true, dictionary: 'fields.md' });
    for (const argv of [[], ['--fix'], ['--ignore-stored-json']]) {
      const { code, output } = run(runTelemetryCheck, copy.fixtures, ...argv);
      expect(code).toBe(1);
      expect(output).toContain('✖ Checking collector categories');
      expect(output).toContain(` TELEMETRY ERROR  ${MISSING('array_items_collector', 'array_items_collector.ts:10')}\n`);
      expect(output).toContain(MISSING('my_working_collector', 'working_collector.ts:21'));
      expect(output).toContain(MISSING('from_fn_collector', 'externally_defined_collector.ts:40'));
      expect(output).toContain('Their root sets "requireCategory": true in .telemetryrc.json.');
      expect(output).not.toContain('category_literal_collector');
      expect(output).not.toContain('category_constant_collector');
    }
    expect(run(runTelemetryCheck, copy.fixtures).output.match(/declares no category/g)).toHaveLength(9);
    expect(() => readFileSync(file('fields.md'))).toThrow();
  });

  it('requireCategory: passes once every collector declares one; off (or false), undeclared ones are fine', () => {
    rc(EXCLUDE, { requireCategory: false });
    expect(run(runTelemetryCheck, copy.fixtures).code).toBe(0);
    rc(EXCLUDE, { requireCategory: true });
    const partial = run(runTelemetryCheck, copy.fixtures, '--ignore-stored-json', '--path', 'categorized_collector.ts');
    expect(partial.output).toContain('✔ Checking collector categories (2 operational, 1 usage)');
    expect(partial.code).toBe(0);
    expect(run(runTelemetryCheck, copy.fixtures, '--path', 'nested_collector.ts').output).toContain(
      MISSING('my_nested_collector', 'nested_collector.ts:13')
    );
    // Only the collectors of the root that sets it must declare one.
    writeFileSync(path.join(copy.dir, '.telemetryrc.json'), JSON.stringify({ root: 'src/fixtures/telemetry_collectors/excluded', output: 'excluded.json', requireCategory: true }));
    rc(EXCLUDE);
    const twoRoots = run(runTelemetryCheck, copy.dir, '--ignore-stored-json', 'src/fixtures/telemetry_collectors');
    expect(twoRoots.code).toBe(1);
    expect(twoRoots.output).toContain(MISSING('excluded_collector', 'src/fixtures/telemetry_collectors/excluded/excluded_collector.ts:8'));
    expect(twoRoots.output.match(/declares no category/g)).toHaveLength(1);
  });

  it('reports a bad category as an extraction error with the file, the line and the collector', () => {
    rc(['excluded/', 'mismatched_field_collector.ts', 'missing_generic_collector.ts']);
    const { code, output } = run(runTelemetryCheck, copy.fixtures);
    expect(code).toBe(1);
    expect(output).toContain('✖ Extracting collectors');
    expect(output).toContain(
      ` TELEMETRY ERROR  Error extracting collector in bad_category_collector.ts:8 (collector "bad_category_collector")\n` +
        "usageCollector.category must be 'operational' or 'usage', got 'health'."
    );
  });

  it('reads the roots of folders given as arguments, and refuses unknown ones', () => {
    rc(['excluded/', 'bad_category_collector.ts', 'mismatched_field_collector.ts', 'missing_generic_collector.ts']);
    writeFileSync(path.join(copy.dir, '.telemetryrc.json'), JSON.stringify({ root: 'src/fixtures/telemetry_collectors/excluded', output: 'excluded.json' }));
    writeFileSync(path.join(copy.dir, 'excluded.json'), '{"properties":{}}\n');
    const { code, output } = run(runTelemetryCheck, copy.dir, '--ignore-stored-json', 'src/fixtures/telemetry_collectors');
    expect(output).toContain('✔ Checking .telemetryrc.json files (src/fixtures/telemetry_collectors/excluded, src/fixtures/telemetry_collectors)');
    expect(output).toContain('(13 found)');
    expect(code).toBe(0);
    expect(run(runTelemetryCheck, copy.dir, 'nowhere').output).toContain(`No .telemetryrc.json found in ${path.join(copy.dir, 'nowhere')}.`);
  });
});
