import { SavedObjectTypeRegistry } from './saved_objects_type_registry';
import type { SavedObjectsType } from './types';

const type = (name: string, extra: Partial<SavedObjectsType> = {}): SavedObjectsType => ({
  name,
  hidden: false,
  namespaceType: 'single',
  mappings: { properties: {} },
  ...extra,
});

describe('SavedObjectTypeRegistry', () => {
  it('registers types and answers questions about them', () => {
    const registry = new SavedObjectTypeRegistry();
    registry.registerType(type('a', { management: { importableAndExportable: true } }));
    registry.registerType(type('b', { hidden: true, namespaceType: 'agnostic' }));
    registry.registerType(type('c', { namespaceType: 'multiple' }));
    expect(registry.getAllTypes().map((t) => t.name)).toEqual(['a', 'b', 'c']);
    expect(registry.getVisibleTypes().map((t) => t.name)).toEqual(['a', 'c']);
    expect(registry.getImportableAndExportableTypes().map((t) => t.name)).toEqual(['a']);
    expect(registry.getType('b')?.hidden).toBe(true);
    expect(registry.getType('zz')).toBeUndefined();
    expect([registry.isHidden('b'), registry.isHidden('a'), registry.isHidden('zz')]).toEqual([true, false, false]);
    expect(registry.isNamespaceAgnostic('b')).toBe(true);
    expect(registry.isMultiNamespace('c')).toBe(true);
    expect(registry.isSingleNamespace('a')).toBe(true);
    // Unknown types count as single-namespace, as upstream.
    expect(registry.isSingleNamespace('zz')).toBe(true);
  });

  it('refuses a name registered twice', () => {
    const registry = new SavedObjectTypeRegistry();
    registry.registerType(type('a'));
    expect(() => registry.registerType(type('a', { hidden: true }))).toThrow("Type 'a' is already registered");
    expect(registry.isHidden('a')).toBe(false);
  });

  it('refuses malformed types', () => {
    const registry = new SavedObjectTypeRegistry();
    expect(() => registry.registerType(type(''))).toThrow(/non-empty string name/);
    expect(() => registry.registerType(type('a:b'))).toThrow(/Invalid saved object type name 'a:b'/);
    expect(() => registry.registerType(type('x', { namespaceType: 'bad' as 'single' }))).toThrow(
      /Invalid namespaceType 'bad'/
    );
    expect(() => registry.registerType({ ...type('y'), mappings: undefined as never })).toThrow(/mappings/);
  });

  it('stores a frozen copy, so later changes by the owner have no effect', () => {
    const registry = new SavedObjectTypeRegistry();
    const mine = type('a');
    registry.registerType(mine);
    mine.hidden = true;
    expect(registry.isHidden('a')).toBe(false);
    expect(Object.isFrozen(registry.getType('a'))).toBe(true);
    expect(() => {
      (registry.getType('a') as { hidden: boolean }).hidden = true;
    }).toThrow(TypeError);
  });
});
