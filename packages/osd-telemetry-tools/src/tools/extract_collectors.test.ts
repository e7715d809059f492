import * as path from 'path';
import { FIXTURES, REPO_ROOT } from '../__test_utils__/temp_project';
import { parseTelemetryRC } from './config';
import { getProgramPaths } from './discover';
import { extractCollectors, loadCompilerOptions } from './extract_collectors';
import type { ParsedCollector } from './ts_parser';

const fixture = (name: string) => path.join(FIXTURES, name);
const options = loadCompilerOptions(REPO_ROOT);
const byName = (collectors: ParsedCollector[]) => Object.fromEntries(collectors.map((c) => [c.collectorName, c]));

describe('extractCollectors on the fixtures', () => {
  const collectors = extractCollectors(getProgramPaths(parseTelemetryRC(FIXTURES)[0]), options, FIXTURES);
  const found = byName(collectors);

  it('finds every collector of the rc root, and none of the excluded folder', () => {
    expect(Object.keys(found).sort()).toEqual([
      'array_items_collector',
      'category_constant_collector',
      'category_imported_collector',
      'category_literal_collector',
      'dynamic_key_collector',
      'from_fn_collector',
      'from_variable_collector',
      'imported_usage_interface_collector',
      'my_nested_collector',
      'my_working_collector',
      'schema_defined_with_spreads',
      'with_imported_schema',
    ]);
  });

  it('reads a root-level collector: paths relative to the working directory, type name and descriptor', () => {
    expect(found.my_working_collector).toMatchObject({ path: 'working_collector.ts', line: 21, typeName: 'Usage' });
    expect(found.my_working_collector.typeDescriptor).toEqual({
      kind: 'object',
      fields: {
        flat: { kind: 'string' },
        my_str: { kind: 'string' },
        my_objects: { kind: 'object', fields: { total: { kind: 'number' }, type: { kind: 'boolean' } } },
        my_date: { kind: 'date' },
        my_float: { kind: 'number' },
      },
    });
    expect(found.my_working_collector.schema.fields.my_objects).toEqual({
      kind: 'object',
      fields: { total: { kind: 'leaf', type: 'number' }, type: { kind: 'leaf', type: 'boolean' } },
    });
  });

  it('reads nested, imported-schema, imported-interface, spread and externally defined collectors', () => {
    expect(found.my_nested_collector.schema.fields).toEqual({ locale: { kind: 'leaf', type: 'keyword' } });
    expect(found.with_imported_schema.schema.fields.locale).toEqual({
      kind: 'leaf',
      type: 'keyword',
      meta: { description: 'The locale of the browser' },
    });
    expect(found.with_imported_schema.typeDescriptor).toMatchObject({ fields: { counts: { fields: { edits: { kind: 'number' } } } } });
    expect(found.imported_usage_interface_collector.typeDescriptor).toEqual({ kind: 'object', fields: { locale: { kind: 'string' } } });
    expect(Object.keys(found.schema_defined_with_spreads.schema.fields)).toEqual(['flat', 'my_str', 'my_objects']);
    expect(found.from_fn_collector.schema.fields).toEqual(found.from_variable_collector.schema.fields);
  });

  it('reads arrays, records, helper-made leaves and _meta', () => {
    expect(found.array_items_collector.schema.fields.my_readonly_matrix).toEqual({
      kind: 'array',
      items: { kind: 'array', items: { kind: 'leaf', type: 'long' } },
    });
    expect(found.array_items_collector.typeDescriptor).toMatchObject({
      fields: { my_str_array: { kind: 'array', items: { kind: 'string' } } },
    });
    const apps = found.dynamic_key_collector.schema.fields.apps;
    expect(apps).toEqual({
      kind: 'object',
      fields: {
        DYNAMIC_KEY: {
          kind: 'object',
          meta: { description: 'Totals of one application' },
          fields: {
            clicks: { kind: 'leaf', type: 'long', meta: { description: 'Number of clicks' } },
            minutes: { kind: 'leaf', type: 'float', meta: { description: 'Minutes on screen' } },
          },
        },
      },
    });
    expect(found.dynamic_key_collector.typeDescriptor).toMatchObject({
      fields: { apps: { kind: 'object', fields: {}, index: { kind: 'object' } }, last_seen: { kind: 'date' } },
    });
  });

  it('reads the category: a literal, a local constant, an imported constant; absent when not declared', () => {
    expect(found.category_literal_collector).toMatchObject({ path: 'categorized_collector.ts', line: 11, category: 'operational' });
    expect(found.category_constant_collector).toMatchObject({ line: 21, category: 'usage' });
    expect(found.category_imported_collector).toMatchObject({ line: 31, category: 'operational' });
    expect(found.my_working_collector.category).toBeUndefined();
    expect(collectors.filter((c) => c.category === undefined)).toHaveLength(collectors.length - 3);
  });

  it('refuses the fixture with a bad category, naming the collector, the file and the line', () => {
    expect(() => extractCollectors([fixture('bad_category_collector.ts')], options, FIXTURES)).toThrow(
      'Error extracting collector in bad_category_collector.ts:8 (collector "bad_category_collector")\n' +
        "usageCollector.category must be 'operational' or 'usage', got 'health'."
    );
  });

  it('skips a file that mentions makeUsageCollector without making one', () => {
    expect(extractCollectors([fixture('file_with_no_collector.ts')], options, FIXTURES)).toEqual([]);
  });

  it('extracts the mismatched collector (its check fails later) and refuses the one without a generic', () => {
    expect(extractCollectors([fixture('mismatched_field_collector.ts')], options, FIXTURES)).toHaveLength(1);
    expect(() => extractCollectors([fixture('missing_generic_collector.ts')], options, FIXTURES)).toThrow(
      'Error extracting collector in missing_generic_collector.ts:4 (collector "missing_generic_collector")\n' +
        'makeUsageCollector requires a Usage type makeUsageCollector<Usage>({ ... }).'
    );
  });
});
