import * as path from 'path';
import { createTempProject, FIXTURES, REPO_ROOT } from '../__test_utils__/temp_project';
import { parseTelemetryRC } from './config';
import { getProgramPaths } from './discover';

describe('parseTelemetryRC', () => {
  it('throws when the config root is relative', () => {
    expect(() => parseTelemetryRC('src')).toThrow('config root (src) must be an absolute path.');
  });

  it('resolves root, output, exclude and dictionary against the rc folder', () => {
    const [config] = parseTelemetryRC(FIXTURES);
    expect(config).toEqual({
      root: FIXTURES,
      output: path.join(FIXTURES, 'stored_schema.json'),
      exclude: [
        path.join(FIXTURES, 'excluded') + path.sep,
        path.join(FIXTURES, 'bad_category_collector.ts'),
        path.join(FIXTURES, 'mismatched_field_collector.ts'),
        path.join(FIXTURES, 'missing_generic_collector.ts'),
      ],
    });
  });

  it("reads the project's own rc: src/plugins, the stored file and the dictionary, and requires categories", () => {
    const configs = parseTelemetryRC(REPO_ROOT);
    expect(configs).toHaveLength(1);
    expect(configs[0]).toMatchObject({
      root: path.join(REPO_ROOT, 'src', 'plugins'),
      output: path.join(REPO_ROOT, 'src', 'plugins', 'telemetry', 'schema', 'oss_plugins.json'),
      dictionary: path.join(REPO_ROOT, 'docs', 'telemetry_fields.md'),
      requireCategory: true,
    });
  });

  it('keeps requireCategory: true; false or absent leave it out', () => {
    const project = createTempProject({});
    try {
      const entries = [true, false, undefined].map((requireCategory) => ({ root: '.', output: 'a.json', requireCategory }));
      project.write('.telemetryrc.json', JSON.stringify(entries));
      const configs = parseTelemetryRC(project.dir);
      expect(configs.map((c) => c.requireCategory)).toEqual([true, undefined, undefined]);
      expect(configs.map((c) => 'requireCategory' in c)).toEqual([true, false, false]);
    } finally {
      project.cleanup();
    }
  });

  it.each([
    [{ output: 'a.json' }, 'config.root must be a string.'],
    [{ root: '.' }, 'config.output must be a string.'],
    [{ root: '.', output: 'a.json', exclude: 'x' }, 'config.exclude must be an array of strings.'],
    [{ root: '.', output: 'a.json', exclude: [1] }, 'config.exclude must be an array of strings.'],
    [[{ root: '.', output: 'a.json', dictionary: 2 }], 'config.dictionary must be a string.'],
    [{ root: '.', output: 'a.json', requireCategory: 'true' }, 'config.requireCategory must be a boolean.'],
    [[{ root: '.', output: 'a.json' }, { root: '.', output: 'b.json', requireCategory: 1 }], 'config.requireCategory must be a boolean.'],
    [{ root: '.', output: 'a.json', requireCategory: null }, 'config.requireCategory must be a boolean.'],
  ])('rejects %j', (rc, message) => {
    const project = createTempProject({ '.telemetryrc.json': JSON.stringify(rc) });
    try {
      expect(() => parseTelemetryRC(project.dir)).toThrow(message);
    } finally {
      project.cleanup();
    }
  });

  it('names the folder when it has no rc file, and the file when it is not JSON', () => {
    const project = createTempProject({});
    try {
      expect(() => parseTelemetryRC(project.dir)).toThrow(`No .telemetryrc.json found in ${project.dir}.`);
      project.write('.telemetryrc.json', '{ root: ');
      expect(() => parseTelemetryRC(project.dir)).toThrow(/\.telemetryrc\.json is not valid JSON/);
    } finally {
      project.cleanup();
    }
  });
});

describe('getProgramPaths', () => {
  it('lists the fixtures minus excluded ones, tests and mocks', () => {
    const paths = getProgramPaths(parseTelemetryRC(FIXTURES)[0]).map((p) => path.relative(FIXTURES, p));
    expect(paths).toContain('working_collector.ts');
    expect(paths).not.toContain(path.join('excluded', 'excluded_collector.ts'));
    expect(paths).not.toContain('mismatched_field_collector.ts');
    expect(paths.every((p) => !/\.test\.|\.mock\.|\.d\.ts$/.test(p))).toBe(true);
  });

  it("never covers the fixtures from the project's own rc", () => {
    const paths = getProgramPaths(parseTelemetryRC(REPO_ROOT)[0]);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.some((p) => p.startsWith(path.join(REPO_ROOT, 'src', 'fixtures')))).toBe(false);
    expect(paths.some((p) => p.includes(`${path.sep}public${path.sep}`))).toBe(false);
  });

  it('throws when a root has no files, or excludes them all', () => {
    const project = createTempProject({ 'a/b.ts': 'export {};\n' });
    try {
      expect(() => getProgramPaths({ root: path.join(project.dir, 'none'), exclude: [] })).toThrow('No files found in');
      expect(() => getProgramPaths({ root: path.join(project.dir, 'a'), exclude: [path.join(project.dir, 'a')] })).toThrow(
        'No paths covered from'
      );
    } finally {
      project.cleanup();
    }
  });
});
