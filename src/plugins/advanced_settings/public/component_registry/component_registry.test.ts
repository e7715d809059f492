import { ComponentRegistry } from './component_registry';

// The defaults render OUI, which does not load under node; the registry only needs them as values.
jest.mock('./default_components', () => ({ PageTitle: () => null, PageSubtitle: () => null, PageFooter: () => null }));

describe('ComponentRegistry', () => {
  it('returns defaults, registered components, and refuses a second registration unless overriding', () => {
    const registry = new ComponentRegistry();
    const { PAGE_FOOTER_COMPONENT, PAGE_TITLE_COMPONENT } = registry.setup.componentType;
    expect(registry.start.get(PAGE_FOOTER_COMPONENT)).toBe(ComponentRegistry.defaultRegistry.advanced_settings_page_footer);
    const Footer = () => null;
    registry.setup.register(PAGE_FOOTER_COMPONENT, Footer);
    expect(registry.start.get(PAGE_FOOTER_COMPONENT)).toBe(Footer);
    expect((Footer as any).displayName).toBe('advanced_settings_page_footer');
    expect(() => registry.setup.register(PAGE_FOOTER_COMPONENT, () => null)).toThrow(
      'Component with id advanced_settings_page_footer is already registered.'
    );
    const Other = () => null;
    registry.setup.register(PAGE_FOOTER_COMPONENT, Other, true);
    expect(registry.start.get(PAGE_FOOTER_COMPONENT)).toBe(Other);
    expect(registry.start.get(PAGE_TITLE_COMPONENT)).toBe(ComponentRegistry.defaultRegistry.advanced_settings_page_title);
    // @ts-expect-error an unknown id is refused at run time too
    expect(() => registry.setup.register('nope', Other)).toThrow('Unknown Advanced Settings component id "nope".');
  });
});
