import { Observable } from 'rxjs';

/** Ordered from best to worst, so the worst of several is the max. */
export const ServiceStatusLevels = {
  available: { id: 'available', value: 0, state: 'green' },
  degraded: { id: 'degraded', value: 1, state: 'yellow' },
  unavailable: { id: 'unavailable', value: 2, state: 'red' },
  critical: { id: 'critical', value: 3, state: 'red' },
} as const;

export type ServiceStatusLevel = (typeof ServiceStatusLevels)[keyof typeof ServiceStatusLevels];

export interface ServiceStatus {
  level: ServiceStatusLevel;
  summary: string;
  detail?: string;
  meta?: Record<string, unknown>;
}

export interface CoreStatus {
  savedObjects: ServiceStatus;
  opensearch: ServiceStatus;
}

/** The statuses as they are now: core's (undefined until its services report), each plugin's, and the worst. */
export interface CurrentStatus {
  core: CoreStatus | undefined;
  plugins: Record<string, ServiceStatus>;
  overall: ServiceStatus;
}

/** What plugins get from `core.status`. */
export interface StatusServiceSetup {
  core$: Observable<CoreStatus>;
  overall$: Observable<ServiceStatus>;
  /** Replaces this plugin's status (default: available, or the worst of its dependencies). */
  set(status$: Observable<ServiceStatus>): void;
  /** The current statuses of the plugins this one depends on. */
  dependencies$: Observable<Record<string, ServiceStatus>>;
}

export interface InternalStatusServiceSetup {
  core$: Observable<CoreStatus>;
  overall$: Observable<ServiceStatus>;
  /** Core services report their status here. */
  setCoreStatus(service: keyof CoreStatus, status$: Observable<ServiceStatus>): void;
  forPlugin(pluginId: string, dependencies: readonly string[]): StatusServiceSetup;
}
