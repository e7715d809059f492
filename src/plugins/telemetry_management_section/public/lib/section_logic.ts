/*
 * The Usage Data section's decisions, free of React and OUI so that they are tested under Jest's node env.
 */
import type { TelemetryBrowserState } from '../../../telemetry/public';

/** What the section is found by in the Advanced Settings search (upstream's terms). */
export const SEARCH_TERMS = ['telemetry', 'usage', 'data', 'usage data'];

/** Whether the search text finds the section: empty text does; otherwise a term must contain it. */
export function matchesSearchTerms(queryText: string): boolean {
  const text = queryText.trim().toLowerCase();
  if (!text) return true;
  return SEARCH_TERMS.some((term) => term.includes(text)) || text.split(/\s+/).every((word) => SEARCH_TERMS.some((term) => term.includes(word)));
}

/** Why the switch cannot be used, in the admin's words; undefined when it can. */
export function lockedMessage(state: Pick<TelemetryBrowserState, 'allowChangingOptInStatus' | 'lockedBy'>): string | undefined {
  if (state.allowChangingOptInStatus) return undefined;
  switch (state.lockedBy) {
    case 'environment':
      return 'Usage data is turned off by the environment of the server (DO_NOT_TRACK or OSD_TELEMETRY_DISABLED) and cannot be changed here.';
    case 'role':
      return 'Changing usage data collection needs the admin role.';
    case 'saved_object':
      return 'This setting is locked by the stored telemetry settings of this deployment and cannot be changed here.';
    default:
      return 'This setting is set in opensearch_dashboards.yml (telemetry.allowChangingOptInStatus: false) and cannot be changed here.';
  }
}

/** The line under the switch that says what the current state means. */
export function stateDescription(optIn: boolean | null): string {
  if (optIn === null) return 'No choice has been made yet: nothing is sent until an administrator turns this on.';
  return optIn ? 'Usage data is sent, one report per day unless configured otherwise.' : 'No usage data is sent.';
}

/** The success toast of a change. */
export function successMessage(enabled: boolean): string {
  return `Usage data collection turned ${enabled ? 'on' : 'off'}.`;
}

/** What the example flyout shows. */
export type ExampleState =
  | { status: 'loading' }
  | { status: 'loaded'; json: string; bytes: number }
  | { status: 'forbidden' }
  | { status: 'error'; message: string };

/** A size as people read it (`812 B`, `14.2 KB`). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Loads the example report; never rejects: a 403 and other failures become states. */
export async function loadExample(fetchExample: () => Promise<unknown[]>): Promise<ExampleState> {
  try {
    const reports = await fetchExample();
    if (!Array.isArray(reports)) return { status: 'error', message: 'The server answered something other than a list of reports.' };
    const json = JSON.stringify(reports, null, 2);
    return { status: 'loaded', json, bytes: new TextEncoder().encode(json).length };
  } catch (error) {
    const e = error as { response?: { status?: number }; status?: number; body?: { message?: string }; message?: string };
    if ((e?.response?.status ?? e?.status) === 403) return { status: 'forbidden' };
    return { status: 'error', message: e?.body?.message ?? e?.message ?? String(error) };
  }
}
