import { CoreStatus, CurrentStatus, ServiceStatus } from './types';

/** One status in the v8 format: upstream's `ServiceStatus` as JSON, the level by its id. */
export interface V8ServiceStatus {
  level: ServiceStatus['level']['id'];
  summary: string;
  detail?: string;
  meta?: Record<string, unknown>;
}

/** `?v8format=true`: the statuses as core tracks them, nothing added. */
export interface V8StatusInfo {
  overall: V8ServiceStatus;
  core: Record<keyof CoreStatus, V8ServiceStatus> | Record<string, never>;
  plugins: Record<string, V8ServiceStatus>;
}

export function toV8Status({ level, summary, detail, meta }: ServiceStatus): V8ServiceStatus {
  return { level: level.id, summary, ...(detail !== undefined ? { detail } : {}), ...(meta !== undefined ? { meta } : {}) };
}

const mapValues = (statuses: object): Record<string, V8ServiceStatus> =>
  Object.fromEntries(Object.entries(statuses as Record<string, ServiceStatus>).map(([name, status]) => [name, toV8Status(status)]));

export function calculateV8Status({ overall, core, plugins }: CurrentStatus): V8StatusInfo {
  return {
    overall: toV8Status(overall),
    core: core ? (mapValues(core) as Record<keyof CoreStatus, V8ServiceStatus>) : {},
    plugins: mapValues(plugins),
  };
}
