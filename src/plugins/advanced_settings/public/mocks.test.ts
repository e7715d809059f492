import { advancedSettingsMock } from './mocks';

describe('advancedSettingsMock', () => {
  it('loads under node and records registrations', () => {
    const setup = advancedSettingsMock.createSetupContract();
    const Footer = () => null;
    setup.component.register(setup.component.componentType.PAGE_FOOTER_COMPONENT, Footer, true);
    expect(setup.component.register).toHaveBeenCalledWith('advanced_settings_page_footer', Footer, true);
    const section = { id: 'users', title: 'Users', mount: () => () => undefined };
    setup.management.registerSection(section);
    expect(setup.management.registerSection).toHaveBeenCalledWith(section);
    expect(advancedSettingsMock.createStartContract().management.getSections()).toEqual([]);
  });
});
