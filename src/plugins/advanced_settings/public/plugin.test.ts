import { coreMock } from '../../../core/public/mocks';
import { AdvancedSettingsPlugin } from './plugin';
import type { AdvancedSettingsStart } from './types';

// The registry's defaults render OUI, which does not load under node.
jest.mock('./component_registry/default_components', () => ({ PageTitle: () => null, PageSubtitle: () => null, PageFooter: () => null }));

describe('AdvancedSettingsPlugin', () => {
  it('registers the management app and hands the registered sections over in start', () => {
    const plugin = new AdvancedSettingsPlugin();
    const core = coreMock.createSetup<object, AdvancedSettingsStart>();
    const setup = plugin.setup(core);
    expect(core.application.register).toHaveBeenCalledWith(expect.objectContaining({ id: 'management', title: 'Dashboards Management' }));
    const mount = () => () => undefined;
    setup.management.registerSection({ id: 'users', title: 'Users and API keys', mount });
    expect(() => setup.management.registerSection({ id: 'users', title: 'Again', mount })).toThrow('Management section "users" is already registered');
    const start = plugin.start();
    expect(start.management.getSections()).toEqual([{ id: 'users', title: 'Users and API keys', order: 100, mount }]);
    expect(() => setup.management.registerSection({ id: 'late', title: 'Late', mount })).toThrow('must be registered during setup');
  });
});
