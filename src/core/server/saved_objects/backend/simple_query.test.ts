import { collectTexts, parseSimpleQuery, scoreDocument, tokenize } from './simple_query';

function score(query: string, texts: unknown, operator: 'AND' | 'OR' = 'OR') {
  const values: string[][] = [];
  collectTexts(texts, values);
  return scoreDocument(parseSimpleQuery(query), operator, values);
}

describe('simple query string', () => {
  it('tokenizes to lowercase words', () => {
    expect(tokenize('Web-Traffic  overview_2024, déjà vu!')).toEqual([
      'web',
      'traffic',
      'overview_2024',
      'déjà',
      'vu',
    ]);
  });

  it('parses words, prefixes, phrases, exclusions and match-all', () => {
    expect(parseSimpleQuery('foo ba* "two words" -bar * (x | +y)')).toEqual({
      matchAll: true,
      clauses: [
        { tokens: ['foo'], prefix: false, negated: false },
        { tokens: ['ba'], prefix: true, negated: false },
        { tokens: ['two', 'words'], prefix: false, negated: false },
        { tokens: ['bar'], prefix: false, negated: true },
        { tokens: ['x'], prefix: false, negated: false },
        { tokens: ['y'], prefix: false, negated: false },
      ],
    });
    expect(parseSimpleQuery('"unterminated phrase').clauses[0].tokens).toEqual(['unterminated', 'phrase']);
    expect(parseSimpleQuery('  ').clauses).toEqual([]);
  });

  it('matches whole tokens, not substrings', () => {
    expect(score('log', 'nginx logs')).toBe(0);
    expect(score('logs', 'nginx logs')).toBe(1);
    expect(score('LOG*', 'nginx logs')).toBe(1);
  });

  it('matches phrases within one value only, in order', () => {
    expect(score('"traffic overview"', { title: 'Web traffic overview' })).toBe(1);
    expect(score('"overview traffic"', { title: 'Web traffic overview' })).toBe(0);
    expect(score('"web traffic"', ['web', 'traffic'])).toBe(0);
    expect(score('foo-ba*', 'a foo bar')).toBe(1);
  });

  it('scores by matched terms, with OR and AND', () => {
    expect(score('a b c', 'a b')).toBe(2);
    expect(score('a b c', 'a b', 'AND')).toBe(0);
    expect(score('a b', 'a b', 'AND')).toBe(2);
  });

  it('exclusions drop documents; only exclusions match the rest', () => {
    expect(score('a -b', 'a b')).toBe(0);
    expect(score('-b', 'a')).toBe(1);
    expect(score('-b', 'b')).toBe(0);
    expect(score('*', 'anything')).toBe(1);
  });

  it('searches numbers, booleans and nested values', () => {
    expect(score('42', { nested: { list: [1, 42] } })).toBe(1);
    expect(score('true', { flag: true })).toBe(1);
    expect(score('x', null)).toBe(0);
  });
});
