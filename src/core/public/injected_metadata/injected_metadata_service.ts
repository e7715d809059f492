import { Capabilities, InjectedMetadata, InjectedPluginMetadata } from './types';

/** Read access to the page's metadata; the same object in setup and start. */
export interface InjectedMetadataSetup {
  getBasePath(): string;
  getServerBasePath(): string;
  getOpenSearchDashboardsVersion(): string;
  getOpenSearchDashboardsBuildNumber(): number;
  getOpenSearchDashboardsBranch(): string;
  getServerUuid(): string;
  getCapabilities(): Capabilities;
  getPlugins(): InjectedPluginMetadata[];
  getUiSettings(): InjectedMetadata['uiSettings'];
  getInjectedVar<T = unknown>(name: string, defaultValue?: T): T;
  getDefaultRoute(): string;
}
export type InjectedMetadataStart = InjectedMetadataSetup;

/** Reads the JSON the server put in `<osd-injected-metadata data="...">`. */
export function readInjectedMetadata(doc: Document): InjectedMetadata {
  const element = doc.querySelector('osd-injected-metadata');
  const data = element?.getAttribute('data');
  if (!data) throw new Error('The page has no <osd-injected-metadata> element: it was not served by the OpenSearch Dashboards server.');
  return JSON.parse(data) as InjectedMetadata;
}

export class InjectedMetadataService {
  constructor(private readonly metadata: InjectedMetadata) {}

  public setup(): InjectedMetadataSetup {
    const m = this.metadata;
    return {
      getBasePath: () => m.basePath,
      getServerBasePath: () => m.serverBasePath,
      getOpenSearchDashboardsVersion: () => m.version,
      getOpenSearchDashboardsBuildNumber: () => m.buildNumber,
      getOpenSearchDashboardsBranch: () => m.branch,
      getServerUuid: () => m.serverUuid,
      getCapabilities: () => m.capabilities,
      getPlugins: () => m.uiPlugins,
      getUiSettings: () => m.uiSettings,
      getInjectedVar: <T>(name: string, defaultValue?: T) => (name in m.vars ? (m.vars[name] as T) : (defaultValue as T)),
      getDefaultRoute: () => m.defaultRoute,
    };
  }

  public start(): InjectedMetadataStart {
    return this.setup();
  }
}
