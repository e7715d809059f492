import type { CollectorCategory } from './constants';
import { categoryCell, categoryLine, dictionaryRows, generateDictionary } from './data_dictionary';
import { readSchema, SchemaObject } from './schema_tree';
import type { ParsedCollector } from './ts_parser';

const schema = readSchema(
  {
    apps: { DYNAMIC_KEY: { clicks: { type: 'long', _meta: { description: 'Clicks | all time' } } }, _meta: { description: 'Per app' } },
    tags: { type: 'array', items: 'keyword', _meta: { description: 'Tags' } },
    events: { type: 'array', items: { key: 'keyword' } },
    flag: 'boolean',
  },
  ['c']
) as SchemaObject;

describe('data dictionary', () => {
  it('lists every reportable field: * for DYNAMIC_KEY, [] for array entries, documented objects', () => {
    expect(dictionaryRows(schema, 'c')).toEqual([
      { field: 'c.apps', type: 'object', description: 'Per app' },
      { field: 'c.apps.*.clicks', type: 'long', description: 'Clicks | all time' },
      { field: 'c.tags', type: 'array of keyword', description: 'Tags' },
      { field: 'c.events', type: 'array of object', description: undefined },
      { field: 'c.events[].key', type: 'keyword', description: undefined },
      { field: 'c.flag', type: 'boolean', description: undefined },
    ]);
  });

  const collector = (collectorName: string, category?: CollectorCategory): ParsedCollector => ({
    path: `src/${collectorName}.ts`,
    line: 9,
    collectorName,
    typeName: 'Record<string, X>',
    typeDescriptor: { kind: 'object' as const, fields: {} },
    schema,
    ...(category ? { category } : {}),
  });

  it('renders one table per collector, sorted, with escaped cells', () => {
    const text = generateDictionary([collector('zeta'), collector('alpha')]);
    expect(text.indexOf('## alpha')).toBeLessThan(text.indexOf('## zeta'));
    expect(text).toContain('| [`alpha`](#alpha) | usage (undeclared) | `src/alpha.ts` | `Record<string, X>` | 5 |');
    expect(text).toContain('| `alpha.apps.*.clicks` | long | Clicks \\| all time |');
    expect(text).toContain('| `alpha.flag` | boolean | _(no description)_ |');
    expect(text).not.toContain(':9');
    expect(text.endsWith('|\n')).toBe(true);
    expect(text).not.toContain('Not listed');
    expect(generateDictionary([collector('alpha')], ['src/x/', 'src/y.ts'])).toContain('cannot be read statically): `src/x/`, `src/y.ts`.');
  });

  it('shows each collector\'s category: a summary column and a line in its section', () => {
    const text = generateDictionary([collector('ops', 'operational'), collector('clicks', 'usage'), collector('third_party')]);
    expect(text).toContain('| Collector | Category | Defined in | Usage type | Fields |\n|---|---|---|---|---|\n');
    expect(text).toContain('| [`ops`](#ops) | operational | `src/ops.ts` |');
    expect(text).toContain('| [`clicks`](#clicks) | usage | `src/clicks.ts` |');
    expect(text).toContain('| [`third_party`](#third_party) | usage (undeclared) | `src/third_party.ts` |');
    const section = (name: string) => text.slice(text.indexOf(`## ${name}\n`)).split('\n## ')[0];
    expect(section('ops')).toContain(
      'Defined in `src/ops.ts`; usage type `Record<string, X>`.\n\nCategory: operational — sent at the operational and full levels.\n\n| Field |'
    );
    expect(section('clicks')).toContain('\nCategory: usage — sent at the full level only.\n');
    expect(section('third_party')).toContain('\nCategory: none declared — counts as usage, sent at the full level only.\n');
    expect(text).toContain('A collector\'s category says at which consent levels its fields are sent (`docs/consent.md`)');
  });

  it('words the category cell and line for each case', () => {
    expect([categoryCell({ category: 'operational' }), categoryCell({ category: 'usage' }), categoryCell({})]).toEqual([
      'operational',
      'usage',
      'usage (undeclared)',
    ]);
    expect(categoryLine({ category: 'usage' })).toBe('Category: usage — sent at the full level only.');
  });
});
