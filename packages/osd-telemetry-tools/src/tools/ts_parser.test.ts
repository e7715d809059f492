import { createTempProject, PRELUDE } from '../__test_utils__/temp_project';

/** Parses one source file (after the prelude) in a throw-away project. */
function parse(source: string, extraFiles: Record<string, string> = {}) {
  const project = createTempProject({ 'collector.ts': PRELUDE + source, ...extraFiles });
  try {
    return project.parse(['collector.ts']);
  } finally {
    project.cleanup();
  }
}

const collector = (options: string, generic = '<{ a: string }>') => `usageCollection.makeUsageCollector${generic}(${options});\n`;

describe('CollectorParser: malformed collectors (upstream messages)', () => {
  it.each([
    ['more than one argument', collector(`{}, {}`), 'makeUsageCollector does not accept more than one argument.'],
    ['no argument', collector(''), 'makeUsageCollector argument must be an object.'],
    ['a non-object argument', collector(`42`), 'makeUsageCollector argument must be an object.'],
    ['no type', collector(`{ fetch: () => ({}), schema: {} }`), 'usageCollector.type must be defined.'],
    ['an empty type', collector(`{ type: '', fetch: () => ({}), schema: {} }`), 'usageCollector.type must be a non-empty string literal.'],
    ['a run-time type', `declare const t: string;\n${collector(`{ type: t, fetch: () => ({}), schema: {} }`)}`, 'Expected t to be initialized.'],
    ['no fetch', collector(`{ type: 'x', schema: { a: 'keyword' } }`), 'usageCollector.fetch must be defined.'],
    ['no schema', collector(`{ type: 'x', fetch() { return { a: '' }; } }`), 'usageCollector.schema must be defined.'],
    ['a non-object schema', collector(`{ type: 'x', fetch: () => ({}), schema: 'keyword' }`), 'usageCollector.schema must be an object.'],
    ['a leaf as schema root', collector(`{ type: 'x', fetch: () => ({}), schema: { type: 'keyword' } }`), 'must be an object of fields'],
    ['an unknown schema type', collector(`{ type: 'x', fetch: () => ({}), schema: { a: 'string' } }`), 'Unknown schema type string at x.a'],
    ['an array without items', collector(`{ type: 'x', fetch: () => ({}), schema: { a: { type: 'array' } } }`), 'Schema field x.a is an array without "items".'],
    ['a misplaced key', collector(`{ type: 'x', fetch: () => ({}), schema: { a: { type: 'keyword', description: 'd' } } }`), 'Schema field x.a has unknown key(s) description: only type, _meta are allowed.'],
    ['a bad _meta', collector(`{ type: 'x', fetch: () => ({}), schema: { a: { type: 'keyword', _meta: 'doc' } } }`), 'Schema field x.a has an invalid _meta'],
    ['no generic', collector(`{ type: 'x', fetch: () => ({}), schema: { a: 'keyword' } }`, ''), 'makeUsageCollector requires a Usage type makeUsageCollector<Usage>({ ... }).'],
    ['an any usage type', collector(`{ type: 'x', fetch: () => ({}), schema: { a: 'keyword' } }`, '<{ a: any }>'), 'Unknown type any at { a: any }.a.'],
    ['a conflicting union', collector(`{ type: 'x', fetch: () => ({}), schema: { a: 'keyword' } }`, '<{ a: string | number }>'), 'Mapping does not support conflicting union types'],
  ])('refuses %s', (_, source, message) => {
    expect(() => parse(source)).toThrow(message);
  });

  it('names the file, the line and the collector type', () => {
    expect(() => parse(collector(`{ type: 'x', schema: {} }`))).toThrow(
      'Error extracting collector in collector.ts:3 (collector "x")\nusageCollector.fetch must be defined.'
    );
  });

  it('refuses a collector function with several returns, none, or an empty one', () => {
    const fn = (body: string) => `function make() {\n${body}\n}\n${collector('make()')}`;
    expect(() => parse(fn(`if (Math.random()) return { type: 'a' };\nreturn { type: 'b' };`))).toThrow(
      'Collector function cannot have multiple return statements.'
    );
    expect(() => parse(fn(`const x = 1;`))).toThrow('Collector function must have a return statement.');
    expect(() => parse(fn(`return;`))).toThrow('Collector function return statement must be an expression.');
  });

  it('explains that a schema built at run time cannot be checked, and how to exclude it', () => {
    const source = `const build = () => { const s: any = {}; for (const k of ['a']) s[k] = 'keyword'; return s; };
${collector(`{ type: 'x', fetch: () => ({}), schema: build() }`)}`;
    expect(() => parse(source)).toThrow(/Unable to read usageCollector.schema statically: Function build cannot be read statically: only const declarations and one return are supported, got \(for .*\n.*"exclude" of .telemetryrc.json/);
  });

  it('refuses calls it cannot follow, naming the expression', () => {
    const source = collector(`{ type: 'x', fetch: () => ({}), schema: { a: JSON.parse('"keyword"') } }`);
    expect(() => parse(source)).toThrow(`Unsupported call (JSON.parse('"keyword"')): only local helper functions can be followed.`);
    expect(() => parse(source)).toThrow('Expected JSON to be initialized.');
  });
});

describe('CollectorParser: values it follows', () => {
  it('follows constants, re-exported imports, enums, templates, element access and destructuring', () => {
    const [parsed] = parse(
      `import { TYPES, SHARED } from './reexport';
enum Kind { Text = 'text' }
const { keyword } = { keyword: 'keyword' as const };
const prefix = 'my';
${collector(
  `{ type: \`\${prefix}_\${TYPES['main']}\`, fetch: () => ({}), schema: { ...SHARED, b: Kind.Text, c: keyword, d: SHARED['a'] } }`,
  '<{ a: string; b: string; c: string; d: string }>'
)}`,
      {
        'reexport.ts': `export * from './constants';\n`,
        'constants.ts': `export const TYPES = { main: 'collector' } as const;\nexport const SHARED = { a: { type: 'keyword' } } as const;\n`,
      }
    );
    expect(parsed.collectorName).toBe('my_collector');
    expect(parsed.schema.fields).toEqual({
      a: { kind: 'leaf', type: 'keyword' },
      b: { kind: 'leaf', type: 'text' },
      c: { kind: 'leaf', type: 'keyword' },
      d: { kind: 'leaf', type: 'keyword' },
    });
  });

  it('calls helpers: arrow and function declarations, default and destructured parameters, closures', () => {
    const [parsed] = parse(
      `const leaf = (type: 'long' | 'keyword', description = 'none') => ({ type, _meta: { description } });
function described({ description }: { description: string }) { return { type: 'boolean' as const, _meta: { description } }; }
const total = (what: string) => { const meta = { description: \`Total \${what}\` }; const inner = () => ({ total: leaf('long', meta.description) }); return inner(); };
${collector(
  `{ type: 'x', fetch: () => ({}), schema: { a: leaf('keyword'), b: described({ description: 'B' }), c: total('c') } }`,
  '<{ a: string; b: boolean; c: { total: number } }>'
)}`
    );
    expect(parsed.schema.fields).toEqual({
      a: { kind: 'leaf', type: 'keyword', meta: { description: 'none' } },
      b: { kind: 'leaf', type: 'boolean', meta: { description: 'B' } },
      c: { kind: 'object', fields: { total: { kind: 'leaf', type: 'long', meta: { description: 'Total c' } } } },
    });
  });

  it('finds calls on any receiver and a bare makeUsageCollector, in source order', () => {
    const parsed = parse(
      `const deps = { usageCollection };
deps.usageCollection.makeUsageCollector<{ a: string }>({ type: 'one', fetch: () => ({}), schema: { a: 'text' } });
makeUsageCollector<{ b: boolean }>({ type: 'two', fetch: () => ({}), schema: { b: 'boolean' } });
usageCollection.makeStatsCollector?.({ type: 'stats', fetch: () => ({}) });`.replace('makeStatsCollector?.', 'toString')
    );
    expect(parsed.map((p) => p.collectorName)).toEqual(['one', 'two']);
  });
});

describe('CollectorParser: category', () => {
  const withCategory = (category: string, before = '', extraFiles: Record<string, string> = {}) =>
    parse(`${before}${collector(`{ type: 'x', ${category}fetch: () => ({}), schema: { a: 'keyword' } }`)}`, extraFiles);
  const categoryOf = (category: string, before = '', extraFiles: Record<string, string> = {}) => {
    const [parsed] = withCategory(category, before, extraFiles);
    return parsed.category;
  };

  it('is absent when the collector declares none (the property is not even present)', () => {
    const [parsed] = withCategory('');
    expect(parsed.category).toBeUndefined();
    expect('category' in parsed).toBe(false);
  });

  it.each([
    ['a literal', `category: 'operational', `, '', 'operational'],
    ['a literal with as const', `category: 'usage' as const, `, '', 'usage'],
    ['a no-substitution template', 'category: `usage`, ', '', 'usage'],
    ['a const variable', 'category: CATEGORY, ', `const CATEGORY = 'operational';\n`, 'operational'],
    ['a typed const variable', 'category: CATEGORY, ', `const CATEGORY: 'operational' | 'usage' = 'usage';\n`, 'usage'],
    ['a shorthand property', 'category, ', `const category = 'usage';\n`, 'usage'],
    ['a constant object member', 'category: CATEGORIES.ops, ', `const CATEGORIES = { ops: 'operational' } as const;\n`, 'operational'],
    ['an enum member', 'category: Category.Usage, ', `enum Category { Usage = 'usage' }\n`, 'usage'],
  ])('reads %s', (_, property, before, expected) => {
    expect(categoryOf(property, before)).toBe(expected);
  });

  it('follows an imported (re-exported) constant', () => {
    expect(
      categoryOf('category: OPS, ', `import { OPS } from './reexport';\n`, {
        'reexport.ts': `export * from './categories';\n`,
        'categories.ts': `export const OPS = 'operational' as const;\n`,
      })
    ).toBe('operational');
  });

  it('reads it from options held in a variable, or spread from shared options', () => {
    const fromVariable = parse(
      `const options = { type: 'v', category: 'operational', fetch: () => ({}), schema: { a: 'keyword' } };\n${collector('options')}`
    );
    expect(fromVariable[0].category).toBe('operational');
    const fromSpread = parse(
      `const shared = { category: 'usage' as const };\n${collector(`{ type: 's', ...shared, fetch: () => ({}), schema: { a: 'keyword' } }`)}`
    );
    expect(fromSpread[0].category).toBe('usage');
  });

  it.each([
    ['another string', `category: 'health', `, '', `usageCollector.category must be 'operational' or 'usage', got 'health'.`],
    ['a wrong case', `category: 'Operational', `, '', `got 'Operational'.`],
    ['an empty string', `category: '', `, '', `usageCollector.category must be 'operational' or 'usage', got ''.`],
    ['a number', `category: 1, `, '', `usageCollector.category must be 'operational' or 'usage', got 1 from (1).`],
    ['an explicit undefined', `category: undefined, `, '', `got undefined from (undefined).`],
    ['null', `category: null, `, '', `got null from (null).`],
    ['an object', `category: { level: 'usage' }, `, '', `got an object from ({ level: 'usage' }).`],
    ['a const holding another string', 'category: C, ', `const C = 'telemetry';\n`, `got 'telemetry' from (C).`],
    ['a method', `category() { return 'usage'; }, `, '', `usageCollector.category must be 'operational' or 'usage' (a string literal or a constant), not a method.`],
    ['an arrow function', `category: () => 'usage', `, '', `got a function from (() => 'usage').`],
  ])('refuses %s', (_, property, before, message) => {
    expect(() => withCategory(property, before)).toThrow(message);
  });

  it.each([
    [
      'a conditional',
      `category: Math.random() > 0.5 ? 'usage' : 'operational', `,
      '',
      `usageCollector.category must be 'operational' or 'usage' (a string literal or a constant holding one); (Math.random() > 0.5 ? 'usage' : 'operational') cannot be read statically: Unsupported Node: cannot get value of node`,
    ],
    ['a value known at run time', 'category: c, ', `declare const c: 'usage';\n`, '(c) cannot be read statically: Expected c to be initialized.'],
    ['a library call', `category: String('usage'), `, '', `(String('usage')) cannot be read statically: Unsupported call (String('usage'))`],
  ])('refuses %s it cannot evaluate, naming the expression', (_, property, before, message) => {
    expect(() => withCategory(property, before)).toThrow(message);
  });

  it('names the collector, the file and the line of a bad category', () => {
    expect(() => parse(`\n\n${collector(`{ type: 'named', category: 'ops', fetch: () => ({}), schema: { a: 'keyword' } }`)}`)).toThrow(
      `Error extracting collector in collector.ts:5 (collector "named")\nusageCollector.category must be 'operational' or 'usage', got 'ops'.`
    );
  });
});
