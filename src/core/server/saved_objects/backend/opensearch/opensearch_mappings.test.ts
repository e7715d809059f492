import { createTestRegistry } from '../../repository/test_utils';
import { buildIndexMappings, resolveSortTarget, ROOT_PROPERTIES, withSortSubfields } from './opensearch_mappings';

describe('buildIndexMappings', () => {
  it('maps the root fields and one object per type, dynamic unless the type says otherwise', () => {
    const mappings = buildIndexMappings(createTestRegistry());
    expect(mappings.dynamic).toBe(false);
    expect(mappings.date_detection).toBe(false);
    expect(mappings.properties.type).toEqual({ type: 'keyword' });
    expect(mappings.properties.references).toMatchObject({ type: 'nested' });
    expect(Object.keys(mappings.properties)).toEqual([
      ...Object.keys(ROOT_PROPERTIES),
      'dashboard',
      'visualization',
      'config',
      'shared',
      'ui-metric',
      'secret',
    ]);
    expect(mappings.properties.config).toEqual({ dynamic: false, properties: {} });
    expect(mappings.properties['ui-metric']).toEqual({
      dynamic: true,
      properties: { count: { type: 'integer' } },
    });
    // Strings mapped on first use can be sorted too.
    expect(JSON.stringify(mappings.dynamic_templates)).toContain('"match_mapping_type":"string"');
  });

  it('refuses a type named like a root field', () => {
    const registry = createTestRegistry([
      { name: 'references', hidden: false, namespaceType: 'agnostic', mappings: { properties: {} } },
    ]);
    expect(() => buildIndexMappings(registry)).toThrow(/\[references\].*root field/);
  });
});

describe('withSortSubfields', () => {
  it('adds a keyword sub-field to text fields without one, recursively, keeping existing ones', () => {
    expect(
      withSortSubfields({
        title: { type: 'text' },
        named: { type: 'text', fields: { raw: { type: 'keyword' } } },
        nested: { properties: { description: { type: 'text' } } },
        count: { type: 'integer' },
      })
    ).toEqual({
      title: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 2048 } } },
      named: { type: 'text', fields: { raw: { type: 'keyword' } } },
      nested: {
        properties: {
          description: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 2048 } } },
        },
      },
      count: { type: 'integer' },
    });
  });
});

describe('resolveSortTarget', () => {
  const live = {
    dashboard: {
      properties: {
        title: { type: 'text', fields: { raw: { type: 'keyword' } } },
        plain: { type: 'text' },
        rank: { type: 'long' },
        when: { type: 'date' },
        on: { type: 'boolean' },
        options: { properties: { size: { type: 'keyword' } } },
        panels: { type: 'nested', properties: { id: { type: 'keyword' } } },
      },
    },
  };
  const resolve = (path: string) => resolveSortTarget(live, 'dashboard', path.split('.'));

  it('finds the sortable field and its kind', () => {
    expect(resolve('title')).toEqual({ field: 'dashboard.title.raw', kind: 'string' });
    expect(resolve('rank')).toEqual({ field: 'dashboard.rank', kind: 'number' });
    expect(resolve('when')).toEqual({ field: 'dashboard.when', kind: 'date' });
    expect(resolve('on')).toEqual({ field: 'dashboard.on', kind: 'boolean' });
    expect(resolve('options.size')).toEqual({ field: 'dashboard.options.size', kind: 'string' });
  });

  it('tells unmapped (undefined) from unsortable (null)', () => {
    expect(resolve('missing')).toBeUndefined();
    expect(resolveSortTarget(live, 'other', ['title'])).toBeUndefined();
    expect(resolve('plain')).toBeNull();
    expect(resolve('options')).toBeNull();
    expect(resolve('panels.id')).toBeNull();
  });
});
