import { pickFields, readPath } from './field_paths';
import { cloneJson, isPlainObject, mergePartial } from './merge_partial';

describe('mergePartial', () => {
  it('merges objects recursively and replaces everything else', () => {
    const stored = { a: 1, nested: { x: 1, y: { deep: true } }, list: [1, 2], gone: 'v' };
    const merged = mergePartial(stored, {
      nested: { y: { other: 1 } },
      list: [3],
      gone: null,
      added: { k: 'v' },
      skipped: undefined,
    });
    expect(merged).toEqual({
      a: 1,
      nested: { x: 1, y: { deep: true, other: 1 } },
      list: [3],
      gone: null,
      added: { k: 'v' },
    });
    expect(stored.nested.y).toEqual({ deep: true });
  });

  it('does not alias the patch', () => {
    const patch = { obj: { list: [1] } };
    const merged = mergePartial({}, patch);
    patch.obj.list.push(2);
    expect(merged).toEqual({ obj: { list: [1] } });
  });

  it('knows plain objects and clones through JSON', () => {
    expect([isPlainObject({}), isPlainObject([]), isPlainObject(null), isPlainObject(new Date())]).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(cloneJson(undefined)).toBeUndefined();
    expect(cloneJson({ d: new Date(0) })).toEqual({ d: '1970-01-01T00:00:00.000Z' });
  });
});

describe('field paths', () => {
  const attributes = { title: 't', nested: { a: 1, b: 2 }, 'dotted.key': 'literal' };

  it('reads dotted paths, literal dotted keys first, ignoring ^boost', () => {
    expect(readPath(attributes, 'nested.a')).toBe(1);
    expect(readPath(attributes, 'dotted.key')).toBe('literal');
    expect(readPath(attributes, 'title^3')).toBe('t');
    expect(readPath(attributes, 'title.deeper')).toBeUndefined();
    expect(readPath(null, 'x')).toBeUndefined();
  });

  it('picks fields keeping their nesting', () => {
    expect(pickFields(attributes, ['title', 'nested.b', 'dotted.key', 'missing'])).toEqual({
      title: 't',
      nested: { b: 2 },
      'dotted.key': 'literal',
    });
    expect(pickFields(undefined, ['a'])).toBeUndefined();
  });
});
