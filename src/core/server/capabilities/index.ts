export { CapabilitiesService, coreCapabilities } from './capabilities_service';
export { mergeCapabilities } from './merge_capabilities';
export type { Capabilities, CapabilitiesProvider, CapabilitiesSetup, CapabilitiesStart, CapabilitiesSwitcher } from './types';
