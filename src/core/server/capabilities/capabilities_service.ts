import type { OpenSearchDashboardsRequest } from '../http';
import type { Logger } from '../logging';
import { mergeCapabilities } from './merge_capabilities';
import type { Capabilities, CapabilitiesProvider, CapabilitiesSetup, CapabilitiesStart, CapabilitiesSwitcher } from './types';

/** What core itself offers; plugins add theirs with providers. */
export function coreCapabilities(): Capabilities {
  return {
    navLinks: {},
    catalogue: {},
    management: { opensearchDashboards: { settings: true } },
    advancedSettings: { show: true, save: true },
    savedObjectsManagement: { edit: true, delete: true },
  };
}

/**
 * Upstream's capabilities: providers declare what a page may offer, switchers turn parts off per request
 * (per caller). The browser gets the resolved set in the page and hides or disables what is off; the
 * server still checks every route itself, since capabilities only shape the UI.
 */
export class CapabilitiesService {
  private readonly providers: CapabilitiesProvider[] = [];
  private readonly switchers: CapabilitiesSwitcher[] = [];
  private started = false;

  constructor(private readonly logger: Logger) {}

  public setup(): CapabilitiesSetup {
    return {
      registerProvider: (provider) => {
        this.assertSetup('registerProvider');
        this.providers.push(provider);
      },
      registerSwitcher: (switcher) => {
        this.assertSetup('registerSwitcher');
        this.switchers.push(switcher);
      },
    };
  }

  public start(): CapabilitiesStart {
    this.started = true;
    // Providers are static: merged once, so a duplicate declaration fails the start, not a page.
    let base = coreCapabilities();
    for (const provider of this.providers) base = mergeCapabilities(base, provider());
    const frozen = base;
    return { resolveCapabilities: (request) => this.resolve(frozen, request) };
  }

  private async resolve(base: Capabilities, request: OpenSearchDashboardsRequest): Promise<Capabilities> {
    let resolved = base;
    for (const switcher of this.switchers) {
      try {
        resolved = mergeCapabilities(resolved, await switcher(request, resolved), true);
      } catch (error) {
        // Failing closed would lock everyone out of the UI for one plugin's bug; the routes still check.
        this.logger.error(`A capabilities switcher failed: ${(error as Error).message}`);
      }
    }
    return resolved;
  }

  private assertSetup(name: string) {
    if (this.started) throw new Error(`capabilities.${name} must be called during setup`);
  }
}
