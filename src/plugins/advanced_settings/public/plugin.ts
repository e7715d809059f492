import type { CoreSetup, Plugin } from '../../../core/public';
import { ComponentRegistry } from './component_registry';
import { ManagementSectionRegistry } from './management_sections/section_registry';
import { AdvancedSettingsSetup, AdvancedSettingsStart } from './types';

/**
 * Registers the `management` app (upstream's URL `/app/management/opensearch-dashboards/settings` shows
 * Advanced Settings) and hands out the component registry and the registry of other plugins' sections.
 */
export class AdvancedSettingsPlugin implements Plugin<AdvancedSettingsSetup, AdvancedSettingsStart> {
  private readonly registry = new ComponentRegistry();
  private readonly sections = new ManagementSectionRegistry();

  public setup(core: CoreSetup<object, AdvancedSettingsStart>): AdvancedSettingsSetup {
    const registry = this.registry.start;
    core.application.register({
      id: 'management',
      title: 'Dashboards Management',
      order: 9000,
      euiIconType: 'managementApp',
      description: 'Advanced settings and other administration.',
      mount: async (params) => {
        const [coreStart, , start] = await core.getStartServices();
        const { mountManagementApp } = await import('./management_app/mount_management_app');
        return mountManagementApp(coreStart, params, registry, start.management.getSections());
      },
    });
    return { component: this.registry.setup, management: this.sections.setup() };
  }

  public start(): AdvancedSettingsStart {
    return { component: this.registry.start, management: this.sections.start() };
  }
}
