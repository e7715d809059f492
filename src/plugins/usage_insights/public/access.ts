import type { Capabilities } from '../../../core/public';

export const NO_ACCESS_MESSAGE = 'You need the admin role to see usage insights.';

/**
 * `usageInsights.show`, which the security plugin switches per caller from `usage_insights:read` (the
 * privilege every route of the API requires). Missing means no.
 */
export function canSeeInsights(capabilities: Pick<Capabilities, string>): boolean {
  return capabilities.usageInsights?.show === true;
}
