import type { CoreSetup } from '../../../../../core/server';
import type { MakeSchemaFrom } from '../../collector';
import type { UsageCollectionSetup } from '../../types';

/** What the report says about the Content Security Policy. */
export interface CspUsage {
  strict: boolean;
  warnLegacyBrowsers: boolean;
  rulesChangedFromDefault: boolean;
}

type CspSource = Pick<CoreSetup['http']['csp'], keyof CspUsage>;

export const cspUsageSchema: MakeSchemaFrom<CspUsage> = {
  strict: { type: 'boolean', _meta: { description: 'Whether browsers that do not enforce CSP are refused (csp.strict)' } },
  warnLegacyBrowsers: { type: 'boolean', _meta: { description: 'Whether browsers that do not enforce CSP are warned (csp.warnLegacyBrowsers)' } },
  rulesChangedFromDefault: { type: 'boolean', _meta: { description: 'Whether csp.rules differs from the default policy' } },
};

/**
 * The flags only. The rules themselves are never reported: custom rules may name URLs that identify an
 * install.
 */
export function getCspUsage({ strict, warnLegacyBrowsers, rulesChangedFromDefault }: CspSource): CspUsage {
  return { strict, warnLegacyBrowsers, rulesChangedFromDefault };
}

/** Registers `csp`: how `csp.*` is set (upstream's collector, from `core.http.csp`). */
export function registerCspCollector(usageCollection: UsageCollectionSetup, getCsp: () => CspSource | undefined) {
  const collector = usageCollection.makeUsageCollector<CspUsage>({
    type: 'csp',
    // How the server is configured, like `core`: no user activity.
    category: 'operational',
    schema: cspUsageSchema,
    isReady: () => true,
    fetch: () => {
      const csp = getCsp();
      return csp ? getCspUsage(csp) : undefined;
    },
  });
  usageCollection.registerCollector(collector);
}
