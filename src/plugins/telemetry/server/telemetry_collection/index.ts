export { registerCollection } from './register_collection';
export { getClusterCaller } from './cluster_client';
export type { ClusterCaller, ClusterEndpoint } from './cluster_client';
export { createOsInfoReader } from './os_info';
export type { LocalStatsDeps } from './get_local_stats';
