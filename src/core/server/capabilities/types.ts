import type { Capabilities } from '../../public/injected_metadata/types';
import type { OpenSearchDashboardsRequest } from '../http';

export type { Capabilities };

/** Adds capabilities (each key on by default, as the plugin offers it). Called once per resolution. */
export type CapabilitiesProvider = () => Partial<Capabilities>;

/**
 * Turns capabilities off (or on) for one request: a security plugin switches off what the caller may not
 * do. Gets the merged capabilities so far and returns only the entries it changes.
 */
export type CapabilitiesSwitcher = (
  request: OpenSearchDashboardsRequest,
  uiCapabilities: Capabilities
) => Partial<Capabilities> | Promise<Partial<Capabilities>>;

/** `core.capabilities` in setup. */
export interface CapabilitiesSetup {
  registerProvider(provider: CapabilitiesProvider): void;
  registerSwitcher(switcher: CapabilitiesSwitcher): void;
}

/** `core.capabilities` in start. */
export interface CapabilitiesStart {
  /** Every provider's capabilities with every switcher applied for this request's caller. */
  resolveCapabilities(request: OpenSearchDashboardsRequest): Promise<Capabilities>;
}
