import { CurrentStatus, ServiceStatus, ServiceStatusLevel } from './types';

/*
 * Upstream's default `/api/status` answer (the format OSD kept from its legacy platform): per component a
 * traffic-light `state` with display attributes, instead of the v8 format's `level`.
 */

/** The level's own traffic light (`ServiceStatusLevels`): unavailable and critical both read red, as upstream. */
export type LegacyStatusState = ServiceStatusLevel['state'];
export type LegacyStatusIcon = 'success' | 'warning' | 'danger';
export type LegacyStatusUiColor = 'secondary' | 'warning' | 'danger';

export interface LegacyStatusOverall {
  state: LegacyStatusState;
  title: string;
  nickname: string;
  icon: LegacyStatusIcon;
  uiColor: LegacyStatusUiColor;
  /** ISO-8601: when the overall state last changed. */
  since: string;
}

export interface LegacyStatusComponent {
  /** `core:<service>@<version>` or `plugin:<id>@<version>`. */
  id: string;
  state: LegacyStatusState;
  message: string;
  icon: LegacyStatusIcon;
  uiColor: LegacyStatusUiColor;
  /** ISO-8601: when this component's state last changed. */
  since: string;
}

export interface LegacyStatusInfo {
  overall: LegacyStatusOverall;
  statuses: LegacyStatusComponent[];
}

type LegacyAttributes = Omit<LegacyStatusOverall, 'since'>;

/** Upstream's display attributes of each state. */
const ATTRIBUTES_BY_STATE: Readonly<Record<LegacyStatusState, LegacyAttributes>> = Object.freeze({
  green: { state: 'green', title: 'Green', nickname: 'Looking good', icon: 'success', uiColor: 'secondary' },
  yellow: { state: 'yellow', title: 'Yellow', nickname: "I'll be back", icon: 'warning', uiColor: 'warning' },
  red: { state: 'red', title: 'Red', nickname: 'Danger Will Robinson! Danger!', icon: 'danger', uiColor: 'danger' },
});

export function legacyAttributesOf(level: ServiceStatusLevel): LegacyAttributes {
  return { ...ATTRIBUTES_BY_STATE[level.state] };
}

/**
 * Remembers when each component's legacy state last changed, so `since` means what it says across requests
 * (upstream stamps every answer with the time of the request).
 */
export class LegacyStateSince {
  private readonly seen = new Map<string, { state: LegacyStatusState; since: string }>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  public of(id: string, state: LegacyStatusState): string {
    const last = this.seen.get(id);
    if (last && last.state === state) return last.since;
    const since = this.now().toISOString();
    this.seen.set(id, { state, since });
    return since;
  }
}

interface LegacyStatusInput extends CurrentStatus {
  /** The version without `-SNAPSHOT`, as in the component ids. */
  versionWithoutSnapshot: string;
  since?: LegacyStateSince;
}

/** The overall status in the legacy format. */
export function legacyOverallOf(overall: ServiceStatus, since: LegacyStateSince = new LegacyStateSince()): LegacyStatusOverall {
  const attributes = legacyAttributesOf(overall.level);
  return { ...attributes, since: since.of('overall', attributes.state) };
}

function componentOf(id: string, status: ServiceStatus, since: LegacyStateSince): LegacyStatusComponent {
  const { state, icon, uiColor } = legacyAttributesOf(status.level);
  return { id, state, message: status.summary, icon, uiColor, since: since.of(id, state) };
}

/** Upstream's `calculateLegacyStatus`: core services first, then plugins, each as `<kind>:<name>@<version>`. */
export function calculateLegacyStatus({ overall, core, plugins, versionWithoutSnapshot, since = new LegacyStateSince() }: LegacyStatusInput): LegacyStatusInfo {
  const version = versionWithoutSnapshot;
  return {
    overall: legacyOverallOf(overall, since),
    statuses: [
      ...Object.entries(core ?? {}).map(([name, status]) => componentOf(`core:${name}@${version}`, status, since)),
      ...Object.entries(plugins).map(([name, status]) => componentOf(`plugin:${name}@${version}`, status, since)),
    ],
  };
}
