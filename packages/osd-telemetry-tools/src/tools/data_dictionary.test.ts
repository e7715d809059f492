import { dictionaryRows, generateDictionary } from './data_dictionary';
import { readSchema, SchemaObject } from './schema_tree';

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

  it('renders one table per collector, sorted, with escaped cells', () => {
    const collector = (collectorName: string) => ({
      path: `src/${collectorName}.ts`,
      line: 9,
      collectorName,
      typeName: 'Record<string, X>',
      typeDescriptor: { kind: 'object' as const, fields: {} },
      schema,
    });
    const text = generateDictionary([collector('zeta'), collector('alpha')]);
    expect(text.indexOf('## alpha')).toBeLessThan(text.indexOf('## zeta'));
    expect(text).toContain('| [`alpha`](#alpha) | `src/alpha.ts` | `Record<string, X>` | 5 |');
    expect(text).toContain('| `alpha.apps.*.clicks` | long | Clicks \\| all time |');
    expect(text).toContain('| `alpha.flag` | boolean | _(no description)_ |');
    expect(text).not.toContain(':9');
    expect(text.endsWith('|\n')).toBe(true);
    expect(text).not.toContain('Not listed');
    expect(generateDictionary([collector('alpha')], ['src/x/', 'src/y.ts'])).toContain('cannot be read statically): `src/x/`, `src/y.ts`.');
  });
});
