/*
 * The browser half of telemetryManagementSection: `plugin` and the components other plugins may reuse.
 */
import { TelemetryManagementSectionPlugin } from './plugin';

export { OptInExampleFlyout } from './components';
export type { TelemetryManagementSectionSetupDeps } from './plugin';

export const plugin = () => new TelemetryManagementSectionPlugin();
