import { createTempProject, PRELUDE } from '../__test_utils__/temp_project';
import type { Descriptor } from './serializer';

/** The descriptor of `T` in `makeUsageCollector<T>`, with `declarations` in scope. */
function describeType(type: string, declarations = '', extraFiles: Record<string, string> = {}): Descriptor {
  const source = `${PRELUDE}${declarations}\nusageCollection.makeUsageCollector<${type}>({ type: 't', fetch: () => ({}), schema: {} });\n`;
  const project = createTempProject({ 'collector.ts': source, ...extraFiles });
  try {
    return project.parse(['collector.ts'])[0].typeDescriptor;
  } finally {
    project.cleanup();
  }
}

const string = { kind: 'string' };
const number = { kind: 'number' };
const boolean = { kind: 'boolean' };

describe('TypeSerializer', () => {
  it('describes primitives, literals, optional and nullable fields, enums and branded primitives', () => {
    expect(
      describeType(
        'U',
        `enum Level { Low, High }
enum Name { A = 'a' }
type U = { s: 'a' | 'b'; n?: 1 | 2; b: boolean | null; t: \`x\${string}\`; l: Level; m: Name; id: string & { __brand: 'id' } };`
      )
    ).toEqual({
      kind: 'object',
      fields: { s: string, n: number, b: boolean, t: string, l: number, m: string, id: string },
    });
  });

  it('describes Pick, Omit, Partial, intersections, unions of objects and imported types', () => {
    expect(
      describeType(
        `Pick<Base, 'a'> & Omit<Partial<Base>, 'a' | 'b'> & ({ x: string } | { y: number })`,
        `import { Base } from './types';`,
        { 'types.ts': 'export interface Base { a: string; b: number; c: boolean }\n' }
      )
    ).toEqual({ kind: 'object', fields: { a: string, c: boolean, x: string, y: number } });
  });

  it('describes records and index signatures as an index; Record over literal keys as fields', () => {
    expect(describeType('{ r: Record<string, number>; i: { [k: string]: { n: number } }; l: Record<"a" | "b", boolean> }')).toEqual({
      kind: 'object',
      fields: {
        r: { kind: 'object', fields: {}, index: number },
        i: { kind: 'object', fields: {}, index: { kind: 'object', fields: { n: number } } },
        l: { kind: 'object', fields: { a: boolean, b: boolean } },
      },
    });
  });

  it('describes arrays, readonly arrays and tuples by their items, and Date as a date', () => {
    expect(describeType('{ a: string[]; r: ReadonlyArray<{ d: Date }>; t: [number, number] }')).toEqual({
      kind: 'object',
      fields: {
        a: { kind: 'array', items: string },
        r: { kind: 'array', items: { kind: 'object', fields: { d: { kind: 'date' } } } },
        t: { kind: 'array', items: number },
      },
    });
  });

  it.each([
    ['{ a: unknown }', 'Unknown type unknown at { a: unknown }.a.'],
    ['{ f: () => void }', 'Unknown type () => void at { f: () => void }.f.'],
    ['{ a: string | boolean }', 'Mapping does not support conflicting union types ({ a: string | boolean }.a: string | boolean).'],
    ['Tree', 'Recursive type Tree at Tree.next cannot be mapped.'],
  ])('refuses %s', (type, message) => {
    expect(() => describeType(type, 'interface Tree { next?: Tree }')).toThrow(message);
  });
});
