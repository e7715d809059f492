/*
 * The Management app's routes and side nav as plain data (no OUI), so the rules (which section a URL
 * shows, who sees which link, what a click does to the history) are testable under node.
 */
import type { Capabilities } from '../../../../core/public';
import { ADVANCED_SETTINGS_SECTION_ID } from '../management_sections/section_registry';
import type { ManagementSection, ManagementSectionHistory } from '../management_sections/types';

/** Where every "OpenSearch Dashboards" section lives inside the app (upstream's URLs). */
export const SECTIONS_BASE_PATH = '/opensearch-dashboards';
/** The built-in section's path, which the telemetry notice and the home page link to. */
export const SETTINGS_PATH = `${SECTIONS_BASE_PATH}/${ADVANCED_SETTINGS_SECTION_ID}`;

export const sectionPath = (id: string) => `${SECTIONS_BASE_PATH}/${id}`;

const under = (pathname: string, path: string) => pathname === path || pathname.startsWith(`${path}/`);

/** What the app shows for an app-relative pathname. */
export type ManagementRoute = { kind: 'settings' } | { kind: 'section'; section: ManagementSection } | { kind: 'landing' };

export function resolveRoute(pathname: string, sections: readonly ManagementSection[]): ManagementRoute {
  if (under(pathname, SETTINGS_PATH)) return { kind: 'settings' };
  const section = sections.find((s) => under(pathname, sectionPath(s.id)));
  return section ? { kind: 'section', section } : { kind: 'landing' };
}

/**
 * Upstream's rule: `management.opensearchDashboards.<id>: false` hides a section's link. Only the link:
 * its URL still mounts the section, which checks its own capabilities and says why it shows nothing
 * (the server refuses the calls regardless).
 */
export function isSectionVisible(capabilities: Pick<Capabilities, 'management'>, id: string) {
  return capabilities.management?.opensearchDashboards?.[id] !== false;
}

/** One side-nav link; the shape `EuiSideNav` takes. */
export interface SideNavLink {
  id: string;
  name: string;
  isSelected: boolean;
  href: string;
  'data-test-subj': string;
}

export interface SideNavGroup {
  id: string;
  name: string;
  items: SideNavLink[];
}

interface SideNavOptions {
  sections: readonly ManagementSection[];
  capabilities: Pick<Capabilities, 'management'>;
  route: ManagementRoute;
  history: Pick<ManagementSectionHistory, 'createHref'>;
}

/**
 * "OpenSearch Dashboards": Advanced settings, then each visible section in order. Plain links, with no
 * click handler of their own: core's link interceptor (on `document.body`) turns a click into one in-page
 * `push`. React 16 runs `onClick` later, at `document`, so a handler pushing too would add a second entry.
 */
export function buildSideNav({ sections, capabilities, route, history }: SideNavOptions): SideNavGroup[] {
  const link = (id: string, name: string, path: string, isSelected: boolean): SideNavLink => ({
    id,
    name,
    isSelected,
    href: history.createHref({ pathname: path }),
    'data-test-subj': `managementNavLink-${id}`,
  });
  const selectedId = route.kind === 'section' ? route.section.id : undefined;
  return [
    {
      id: 'opensearchDashboards',
      name: 'OpenSearch Dashboards',
      items: [
        link(ADVANCED_SETTINGS_SECTION_ID, 'Advanced settings', SETTINGS_PATH, route.kind === 'settings'),
        ...sections.filter((s) => isSectionVisible(capabilities, s.id)).map((s) => link(s.id, s.title, sectionPath(s.id), s.id === selectedId)),
      ],
    },
  ];
}
