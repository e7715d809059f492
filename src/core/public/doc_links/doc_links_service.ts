/** Links into the OpenSearch documentation, for the version that is running. */
export interface DocLinksStart {
  readonly DOC_LINK_VERSION: string;
  readonly OPENSEARCH_WEBSITE_URL: string;
  readonly links: {
    readonly opensearchDashboards: { readonly introduction: string; readonly advancedSettings: string };
    readonly management: { readonly advancedSettings: string };
    readonly telemetry: { readonly privacyStatement: string };
  };
}

export class DocLinksService {
  public start({ version }: { version: string }): DocLinksStart {
    const docVersion = version.split('.').slice(0, 2).join('.');
    const base = `https://opensearch.org/docs/${docVersion}`;
    return {
      DOC_LINK_VERSION: docVersion,
      OPENSEARCH_WEBSITE_URL: 'https://opensearch.org/',
      links: {
        opensearchDashboards: {
          introduction: `${base}/dashboards/`,
          advancedSettings: `${base}/dashboards/management/advanced-settings/`,
        },
        management: { advancedSettings: `${base}/dashboards/management/advanced-settings/` },
        telemetry: { privacyStatement: 'https://opensearch.org/privacy/' },
      },
    };
  }
}
