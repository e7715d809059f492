import { ComponentType } from 'react';
import { ComponentId, componentType } from './component_types';
import { PageFooter, PageSubtitle, PageTitle } from './default_components';

export { componentType };
export type { ComponentId };

export type RegistryComponent = ComponentType<Record<string, any>>;

/**
 * Lets other plugins replace the title, subtitle or footer of the Advanced Settings page (the telemetry
 * plugin adds its "Usage Data" section as the footer).
 */
export class ComponentRegistry {
  static readonly componentType = componentType;
  static readonly defaultRegistry: Record<ComponentId, RegistryComponent> = {
    advanced_settings_page_title: PageTitle,
    advanced_settings_page_subtitle: PageSubtitle,
    advanced_settings_page_footer: PageFooter,
  };

  private readonly registry: Partial<Record<ComponentId, RegistryComponent>> = {};

  public readonly setup = {
    componentType,
    /**
     * Registers `component` at `id`. A second registration at the same id throws unless `allowOverride`.
     */
    register: (id: ComponentId, component: RegistryComponent, allowOverride = false) => {
      if (!(id in ComponentRegistry.defaultRegistry)) throw new Error(`Unknown Advanced Settings component id "${id}".`);
      if (!allowOverride && id in this.registry) throw new Error(`Component with id ${id} is already registered.`);
      if (!component.displayName) component.displayName = id;
      this.registry[id] = component;
    },
  };

  public readonly start = {
    componentType,
    /** The registered component, or the page's default for that place. */
    get: (id: ComponentId): RegistryComponent => this.registry[id] ?? ComponentRegistry.defaultRegistry[id],
  };
}
