import { ManagementSectionRegistry } from './section_registry';
import type { ManagementSectionSpec } from './types';

const mount = () => () => undefined;
const spec = (id: string, extra: Partial<ManagementSectionSpec> = {}): ManagementSectionSpec => ({ id, title: `Title ${id}`, mount, ...extra });

describe('ManagementSectionRegistry', () => {
  it('lists sections by order, then in registration order, with a default order of 100', () => {
    const registry = new ManagementSectionRegistry();
    const { registerSection } = registry.setup();
    registerSection(spec('late', { order: 500 }));
    registerSection(spec('b'));
    registerSection(spec('early', { order: 1 }));
    registerSection(spec('a'));
    const sections = registry.start().getSections();
    expect(sections.map((s) => [s.id, s.order])).toEqual([
      ['early', 1],
      ['b', 100],
      ['a', 100],
      ['late', 500],
    ]);
    expect(sections[0]).toEqual({ id: 'early', title: 'Title early', order: 1, mount });
  });

  it('refuses a duplicate id at once, naming it and the section that has it', () => {
    const { registerSection } = new ManagementSectionRegistry().setup();
    registerSection(spec('users', { title: 'Users and API keys' }));
    expect(() => registerSection(spec('users', { title: 'Other' }))).toThrow('Management section "users" is already registered (titled "Users and API keys").');
    expect(() => registerSection(spec('settings'))).toThrow('Management section id "settings" is taken by Advanced settings.');
  });

  it('refuses malformed sections with a message naming the problem', () => {
    const { registerSection } = new ManagementSectionRegistry().setup();
    for (const id of ['Users', 'a/b', '', '-x', 'a b']) {
      expect(() => registerSection(spec(id))).toThrow(`Management section id "${id}" is invalid: use lower-case letters, digits, "-" and "_"`);
    }
    // @ts-expect-error a runtime guard for plugins written in JavaScript
    expect(() => registerSection({ id: 'x', title: 'X' })).toThrow('Management section "x" needs a "mount" function.');
    expect(() => registerSection(spec('x', { title: '  ' }))).toThrow('Management section "x" needs a non-empty "title".');
    expect(() => registerSection(spec('x', { order: NaN }))).toThrow('Management section "x": "order" must be a finite number.');
    // @ts-expect-error no spec at all
    expect(() => registerSection(undefined)).toThrow('Management section id "undefined" is invalid');
  });

  it('refuses registration after start, and keeps a copy the caller cannot change', () => {
    const registry = new ManagementSectionRegistry();
    const { registerSection } = registry.setup();
    const given = spec('users');
    registerSection(given);
    const start = registry.start();
    given.title = 'Changed';
    expect(start.getSections()[0].title).toBe('Title users');
    expect(Object.isFrozen(start.getSections())).toBe(true);
    expect(() => registerSection(spec('late'))).toThrow('Management section "late" must be registered during setup.');
  });
});
