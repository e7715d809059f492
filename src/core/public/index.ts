/*
 * The browser-side API of the host, as public halves import it (upstream: `opensearch-dashboards/public`).
 * Plugins outside this repository can import it as `opensearch-dashboards/public`: the bundler aliases it here.
 */
export type { CoreSetup, CoreStart, I18nStart, StartServicesAccessor } from './types';
export type { Plugin, PluginInitializer, PluginInitializerContext, PluginOpaqueId } from './plugins';
export type {
  App,
  AppLeaveAction,
  AppLeaveActionFactory,
  AppLeaveConfirmAction,
  AppLeaveDefaultAction,
  AppLeaveHandler,
  AppMountParameters,
  AppNavLinkStatus,
  ApplicationSetup,
  ApplicationStart,
  NavigateToAppOptions,
  PublicAppInfo,
  AppLocation,
} from './application';
export type { ScopedHistory } from './application';
export type { ChromeStart, ChromeBreadcrumb, ChromeDocTitle, ChromeNavControl, ChromeNavControls } from './chrome';
export type { DocLinksStart } from './doc_links';
export type { FatalErrorsSetup, FatalErrorsStart } from './fatal_errors';
export type {
  HttpSetup,
  HttpStart,
  HttpHandler,
  HttpFetchOptions,
  HttpFetchOptionsWithPath,
  HttpFetchQuery,
  HttpResponse,
  IBasePath,
  IAnonymousPaths,
} from './http';
export { HttpFetchError } from './http';
export type { InjectedMetadataSetup, InjectedMetadataStart } from './injected_metadata/injected_metadata_service';
export type { Capabilities, InjectedMetadata, InjectedPluginMetadata, PackageInfo, EnvMode } from './injected_metadata/types';
export type { NotificationsSetup, NotificationsStart, IToasts, Toast, ToastInput, ToastInputFields, ErrorToastOptions } from './notifications';
/** Upstream's name for the toasts API. */
export type { IToasts as ToastsStart, IToasts as ToastsSetup } from './notifications';
export type { OverlayStart, OverlayBannersStart, OverlayRef, OverlayFlyoutOpenOptions, OverlayModalConfirmOptions } from './overlays';
export type {
  IUiSettingsClient,
  UiSettingsSetup,
  UiSettingsStart,
  UiSettingsType,
  PublicUiSettingsParams,
  PageUiSettingsParams,
  UiSettingValidation,
  UserProvidedValue,
  UiSettingsState,
  UiSettingsChange,
  UiSettingsUpdateError,
} from './ui_settings';
export { formatDate, createDateFormatter, DEFAULT_DATE_FORMAT } from './date_format';
export type { DateFormatSettings, DateInput } from './date_format';
export type { MountPoint, UnmountCallback } from './utils/mount';
export { toMountPoint, MountWrapper } from './utils/mount';
export { useObservable } from './utils/use_observable';
