/*
 * The server-side API of the host, as plugins import it (upstream: `opensearch-dashboards/server`).
 * Only types and a few value helpers; the services themselves are created by `Server`.
 */
export type { CoreSetup, CoreStart } from './types';
export type { Logger, LoggerFactory } from './logging';
export type {
  IRouter,
  RequestHandler,
  RequestHandlerContext,
  OpenSearchDashboardsRequest,
  OpenSearchDashboardsResponseFactory,
  IOpenSearchDashboardsResponse,
  RouteConfig,
  HttpServiceSetup,
  HttpServiceStart,
  IBasePath,
  AuthenticationHandler,
  AuthResult,
  AuthToolkit,
  HttpAuth,
  OnPreAuthHandler,
  OnPostAuthHandler,
  OnPreResponseHandler,
} from './http';
export { AuthStatus } from './http';
export type { HttpResources, HttpResourcesRequestHandler, HttpResourcesResponseFactory } from './http';
export type { Capabilities, CapabilitiesSetup, CapabilitiesStart, CapabilitiesProvider, CapabilitiesSwitcher } from './capabilities';
export type {
  Plugin,
  PluginInitializer,
  PluginInitializerContext,
  PluginConfigDescriptor,
  PluginManifest,
  PluginOpaqueId,
} from './plugins';
export type { UiSettingsParams, IUiSettingsClient, UiSettingsServiceSetup, UiSettingsServiceStart } from './ui_settings';
export type { MetricsServiceSetup, OpsMetrics } from './metrics';
export type {
  CoreIncrementCounterParams,
  CoreUsageCounter,
  CoreUsageData,
  CoreUsageDataSetup,
  CoreUsageDataStart,
  SavedObjectsIndexUsage,
} from './core_usage_data';
export type { ServiceStatus, StatusServiceSetup, CoreStatus } from './status';
export { ServiceStatusLevels } from './status';
export { CspConfig } from './csp';
export type { ICspConfig } from './csp';
export { createWorker, ThreadCaller, ThreadStoppedError, serveThreadCalls } from './worker_threads';
export type { ThreadCallerOptions, ThreadCallHandlers } from './worker_threads';
export * from './saved_objects';
export type {
  OpenSearchServiceSetup,
  OpenSearchServiceStart,
  IClusterClient,
  IScopedClusterClient,
  LegacyAPICaller,
} from './opensearch';
