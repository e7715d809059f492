import type { ChromeBreadcrumb, ScopedHistory } from '../../../../core/public';

/**
 * A section's view of the browser history: paths relative to the section (`/` is
 * `/app/management/opensearch-dashboards/<id>`), so a section never needs to know where it is mounted.
 */
export type ManagementSectionHistory = Pick<ScopedHistory, 'location' | 'push' | 'replace' | 'goBack' | 'listen' | 'createHref'>;

/** What a section's `mount` receives. */
export interface ManagementSectionMountParams {
  /** The element to render into; the section owns its content until its unmount runs. */
  element: HTMLElement;
  /** Navigation inside the section. */
  history: ManagementSectionHistory;
  /** `<basePath>/app/management/opensearch-dashboards/<id>`, for building links. */
  basePath: string;
  /** Sets the crumbs after "Dashboards Management" › the section's title (an empty list leaves just those two). */
  setBreadcrumbs(crumbs: ChromeBreadcrumb[]): void;
}

/** Undoes what a section's `mount` did to its element. */
export type ManagementSectionUnmount = () => void;

/** What a plugin registers: a page of its own in the Management app. */
export interface ManagementSectionSpec {
  /** Unique; lower-case letters, digits, `-` and `_`: it is the last segment of the section's URL. */
  id: string;
  /** Shown in the side nav, the breadcrumbs and the tab title. */
  title: string;
  /** Sort key in the side nav (lower first, default 100); Advanced settings always comes first. */
  order?: number;
  /** Renders the section; returns how to take it out again. */
  mount(params: ManagementSectionMountParams): ManagementSectionUnmount | Promise<ManagementSectionUnmount>;
}

/** A registered section, as the Management app reads it. */
export interface ManagementSection extends Readonly<Required<ManagementSectionSpec>> {}

/** `advancedSettings.management` in setup. */
export interface ManagementSectionsSetup {
  /**
   * Adds a section under "OpenSearch Dashboards" at `/app/management/opensearch-dashboards/<id>`. Throws at
   * once for a duplicate or malformed id, an empty title or a missing `mount`, and after setup.
   */
  registerSection(spec: ManagementSectionSpec): void;
}

/** `advancedSettings.management` in start. */
export interface ManagementSectionsStart {
  /** Every registered section, in side-nav order. */
  getSections(): readonly ManagementSection[];
}
