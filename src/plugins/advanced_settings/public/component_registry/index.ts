export { ComponentRegistry, componentType } from './component_registry';
export type { ComponentId, RegistryComponent } from './component_registry';
