import { SavedObjectsBackendError, type SavedObjectsBackendFindQuery } from '../types';
import type { SortTarget } from './opensearch_mappings';
import { buildFindRequest, buildSearchQuery, buildSort, clauseQuery, searchFieldsOf } from './opensearch_query';

const query = (extra: Partial<SavedObjectsBackendFindQuery> = {}): SavedObjectsBackendFindQuery => ({
  types: ['dashboard'],
  defaultSearchOperator: 'OR',
  from: 0,
  size: 20,
  ...extra,
});

/** Resolver over a small fixed mapping: title is text+keyword, rank a number, nested refs unsortable. */
const targets: Record<string, SortTarget | null> = {
  'dashboard.title': { field: 'dashboard.title.keyword', kind: 'string' },
  'visualization.title': { field: 'visualization.title.keyword', kind: 'string' },
  'visualization.rank': { field: 'visualization.rank', kind: 'number' },
  'dashboard.rank': { field: 'dashboard.rank.keyword', kind: 'string' },
  'dashboard.panels': null,
};
const resolve = (type: string, segments: string[]) => targets[`${type}.${segments.join('.')}`];

describe('buildFindRequest', () => {
  it('filters on the types, and on references as nested matches of type and id', () => {
    const request = buildFindRequest(
      query({ types: ['dashboard', 'visualization'], hasReference: [{ type: 'index-pattern', id: 'p1' }] }),
      resolve
    );
    expect(request.query).toEqual({
      bool: {
        filter: [
          { terms: { type: ['dashboard', 'visualization'] } },
          {
            bool: {
              should: [
                {
                  nested: {
                    path: 'references',
                    query: {
                      bool: {
                        filter: [
                          { term: { 'references.type': 'index-pattern' } },
                          { term: { 'references.id': 'p1' } },
                        ],
                      },
                    },
                  },
                },
              ],
              minimum_should_match: 1,
            },
          },
        ],
      },
    });
    expect(request.sort).toEqual([{ _id: { order: 'asc' } }]);
    expect(request.trackScores).toBe(false);
  });

  it('adds the search as a must clause, ranks by score, and tracks scores under an explicit sort', () => {
    const ranked = buildFindRequest(query({ search: 'logs' }), resolve);
    expect((ranked.query.bool as { must: unknown[] }).must).toHaveLength(1);
    expect(ranked.sort).toEqual([{ _score: { order: 'desc' } }, { _id: { order: 'asc' } }]);
    expect(buildFindRequest(query({ search: 'logs', sortField: 'type' }), resolve).trackScores).toBe(true);
    expect(buildFindRequest(query({ search: '   ' }), resolve).query).toEqual({
      bool: { filter: [{ terms: { type: ['dashboard'] } }] },
    });
  });
});

describe('search translation', () => {
  const fields = ['dashboard.*'];

  it('looks in every attribute of every type unless told which fields, plus root fields', () => {
    expect(searchFieldsOf(query({ types: ['a', 'b'] }))).toEqual(['a.*', 'b.*']);
    expect(
      searchFieldsOf(query({ types: ['a', 'b'], searchFields: ['title^2', 'x.y'], rootSearchFields: ['originId'] }))
    ).toEqual(['a.title^2', 'a.x.y', 'b.title^2', 'b.x.y', 'originId']);
  });

  it('turns each term into its own simple_query_string: word, prefix, phrase', () => {
    expect(clauseQuery({ tokens: ['logs'], prefix: false, negated: false }, fields)).toEqual({
      simple_query_string: { query: 'logs', fields, lenient: true, default_operator: 'and' },
    });
    expect(clauseQuery({ tokens: ['err'], prefix: true, negated: false }, fields)).toMatchObject({
      simple_query_string: { query: 'err*' },
    });
    expect(clauseQuery({ tokens: ['web', 'traffic'], prefix: false, negated: false }, fields)).toMatchObject({
      simple_query_string: { query: '"web traffic"' },
    });
    expect(clauseQuery({ tokens: ['web', 'tra'], prefix: true, negated: false }, fields)).toEqual({
      multi_match: { query: 'web tra', type: 'phrase_prefix', fields, lenient: true },
    });
  });

  it('with OR, needs one positive term and excludes negated ones (not "or anything without")', () => {
    const bool = buildSearchQuery(query({ search: 'traffic country -map' })).bool as Record<string, unknown[]>;
    expect(bool.should.map((q: any) => q.simple_query_string.query)).toEqual(['traffic', 'country']);
    expect(bool.minimum_should_match).toBe(1);
    expect(bool.must_not.map((q: any) => q.simple_query_string.query)).toEqual(['map']);
  });

  it('with AND, needs every positive term', () => {
    const bool = buildSearchQuery(query({ search: 'traffic country', defaultSearchOperator: 'AND' }))
      .bool as Record<string, unknown[]>;
    expect(bool.must).toHaveLength(2);
    expect(bool.should).toBeUndefined();
  });

  it('matches everything for a bare * or for exclusions alone', () => {
    expect(buildSearchQuery(query({ search: '*' }))).toEqual({ bool: { must: [{ match_all: {} }] } });
    const starAndTerm = buildSearchQuery(query({ search: '* logs' })).bool as Record<string, unknown[]>;
    expect(starAndTerm.must).toEqual([{ match_all: {} }]);
    expect(starAndTerm.should).toHaveLength(1);
    const onlyNot = buildSearchQuery(query({ search: '-map' })).bool as Record<string, unknown[]>;
    expect(onlyNot.must).toEqual([{ match_all: {} }]);
    expect(onlyNot.must_not).toHaveLength(1);
  });
});

describe('buildSort', () => {
  const tie = { _id: { order: 'asc' } };

  it('sorts root fields natively, missing updated_at last, then by _id', () => {
    expect(buildSort(query({ sortField: 'type', sortOrder: 'desc' }), resolve)).toEqual([
      { type: { order: 'desc' } },
      tie,
    ]);
    expect(buildSort(query({ sortField: 'updated_at' }), resolve)).toEqual([
      { updated_at: { order: 'asc', missing: '_last' } },
      tie,
    ]);
  });

  it('sorts by id on _id for one type, and on the id without its type prefix for several', () => {
    expect(buildSort(query({ sortField: 'id', sortOrder: 'desc' }), resolve)).toEqual([{ _id: { order: 'desc' } }]);
    const several = buildSort(query({ sortField: 'id', types: ['a', 'b'] }), resolve);
    expect(several[0]).toMatchObject({ _script: { type: 'string', order: 'asc' } });
    expect(several[1]).toEqual(tie);
  });

  it('sorts one type on its resolved attribute field, missing last', () => {
    expect(buildSort(query({ sortField: 'title', sortOrder: 'desc' }), resolve)).toEqual([
      { 'dashboard.title.keyword': { order: 'desc', missing: '_last' } },
      tie,
    ]);
    // Unmapped: every document is missing it, so the tie-breaker alone orders them.
    expect(buildSort(query({ sortField: 'nothing' }), resolve)).toEqual([tie]);
  });

  it('sorts several types with a script reading each type’s own field', () => {
    const [script, last] = buildSort(
      query({ types: ['dashboard', 'visualization'], sortField: 'title', sortOrder: 'desc' }),
      resolve
    ) as any[];
    expect(script._script.type).toBe('string');
    expect(script._script.script.params).toEqual({
      fields: { dashboard: 'dashboard.title.keyword', visualization: 'visualization.title.keyword' },
      missing: '',
    });
    expect(last).toEqual(tie);
    const numbers = buildSort(query({ types: ['visualization', 'other'], sortField: 'rank' }), resolve) as any[];
    expect(numbers[0]._script.type).toBe('number');
    expect(numbers[0]._script.script.params).toEqual({
      fields: { visualization: 'visualization.rank' },
      missing: Number.MAX_VALUE,
    });
  });

  it('refuses fields that cannot be sorted, mixed kinds across types, and invalid names', () => {
    const reason = (q: SavedObjectsBackendFindQuery) => {
      try {
        buildSort(q, resolve);
      } catch (error) {
        expect(error).toBeInstanceOf(SavedObjectsBackendError);
        return (error as SavedObjectsBackendError).reason;
      }
      return 'no error';
    };
    expect(reason(query({ sortField: 'panels' }))).toBe('bad_request');
    expect(reason(query({ types: ['dashboard', 'visualization'], sortField: 'rank' }))).toBe('bad_request');
    expect(reason(query({ sortField: 'a..b' }))).toBe('bad_request');
    expect(reason(query({ sortField: 'a"b' }))).toBe('bad_request');
  });
});
