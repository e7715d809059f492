/*
 * Typed mocks of the browser core contracts, for public halves' unit tests (upstream: `core/public/mocks`).
 * Every method is a `jest.fn()` with a sensible default; override with `mockReturnValue` as needed.
 */
import { BehaviorSubject, of, Subject } from 'rxjs';
import { ScopedHistory, type AppLocation, type AppNavigator } from './application/scoped_history';
import type { ApplicationSetup, ApplicationStart } from './application/types';
import type { ChromeStart } from './chrome/types';
import { DocLinksService } from './doc_links';
import type { FatalErrorsSetup } from './fatal_errors';
import { BasePath } from './http/base_path';
import type { HttpSetup, HttpStart, IAnonymousPaths } from './http/types';
import type { InjectedMetadataStart } from './injected_metadata/injected_metadata_service';
import type { IToasts } from './notifications';
import type { OverlayStart } from './overlays';
import type { PluginInitializerContext } from './plugins/types';
import type { CoreSetup, CoreStart } from './types';
import type { IUiSettingsClient } from './ui_settings/types';

/** Anonymous paths with the browser's rules: registered without the base path, matched without it. */
const createAnonymousPaths = (basePath: BasePath): jest.Mocked<IAnonymousPaths> => {
  const paths = new Set<string>();
  const normalize = (path: string) => {
    const lower = path.toLowerCase().split(/[?#]/)[0];
    return lower.length > 1 && lower.endsWith('/') ? lower.slice(0, -1) : lower;
  };
  return {
    register: jest.fn((path: string) => void paths.add(normalize(path))),
    isAnonymous: jest.fn((path: string) => paths.has(normalize(basePath.remove(path)))),
  };
};

const createHttp = (basePath = ''): jest.Mocked<HttpSetup> => ({
  basePath: new BasePath(basePath),
  anonymousPaths: createAnonymousPaths(new BasePath(basePath)),
  fetch: jest.fn().mockResolvedValue({}),
  get: jest.fn().mockResolvedValue({}),
  post: jest.fn().mockResolvedValue({}),
  put: jest.fn().mockResolvedValue({}),
  patch: jest.fn().mockResolvedValue({}),
  delete: jest.fn().mockResolvedValue({}),
  head: jest.fn().mockResolvedValue({}),
  addLoadingCountSource: jest.fn(),
  getLoadingCount$: jest.fn().mockReturnValue(of(0)),
});

const createToasts = (): jest.Mocked<IToasts> => {
  const toast = (fields: any) => ({ id: 'toast', ...(typeof fields === 'string' ? { title: fields } : fields) });
  return {
    get$: jest.fn().mockReturnValue(of([])),
    add: jest.fn(toast),
    addSuccess: jest.fn(toast),
    addWarning: jest.fn(toast),
    addDanger: jest.fn(toast),
    addError: jest.fn((error: Error, options: { title: string }) => toast({ title: options.title, text: error.message })),
    remove: jest.fn(),
  };
};

/** A settings client over an in-memory map (`values`), so `get` returns what a test put there. */
const createUiSettings = (values: Record<string, unknown> = {}): jest.Mocked<IUiSettingsClient> => ({
  get: jest.fn((key: string, defaultOverride?: unknown) => (key in values ? values[key] : defaultOverride)) as any,
  get$: jest.fn((key: string, defaultOverride?: unknown) => of(key in values ? values[key] : defaultOverride)) as any,
  getAll: jest.fn().mockReturnValue({}),
  set: jest.fn().mockResolvedValue(true),
  remove: jest.fn().mockResolvedValue(true),
  isDeclared: jest.fn((key: string) => key in values),
  isDefault: jest.fn().mockReturnValue(true),
  isCustom: jest.fn().mockReturnValue(false),
  isOverridden: jest.fn().mockReturnValue(false),
  getUpdate$: jest.fn().mockReturnValue(new Subject()),
  getSaved$: jest.fn().mockReturnValue(new Subject()),
  getUpdateErrors$: jest.fn().mockReturnValue(new Subject()),
});

const createOverlays = (): jest.Mocked<OverlayStart> => ({
  banners: {
    add: jest.fn().mockReturnValue('banner-0'),
    remove: jest.fn().mockReturnValue(true),
    replace: jest.fn().mockReturnValue('banner-1'),
    get$: jest.fn().mockReturnValue(of([])),
  },
  openFlyout: jest.fn().mockReturnValue({ onClose: Promise.resolve(), close: jest.fn().mockResolvedValue(undefined) }),
  openConfirm: jest.fn().mockResolvedValue(true),
});

const capabilities = () => ({
  navLinks: {},
  management: {},
  catalogue: {},
  advancedSettings: { show: true, save: true },
  savedObjectsManagement: { edit: true, delete: true },
});

const createApplicationStart = (): jest.Mocked<ApplicationStart> => ({
  capabilities: capabilities(),
  applications$: new BehaviorSubject(new Map()),
  currentAppId$: new BehaviorSubject<string | undefined>(undefined),
  navigateToApp: jest.fn().mockResolvedValue(undefined),
  navigateToUrl: jest.fn().mockResolvedValue(undefined),
  getUrlForApp: jest.fn((appId: string, options?: { path?: string }) => `/app/${appId}${options?.path ?? ''}`),
});

const createChrome = (): jest.Mocked<ChromeStart> => ({
  setBreadcrumbs: jest.fn(),
  getBreadcrumbs$: jest.fn().mockReturnValue(of([])),
  docTitle: { change: jest.fn(), reset: jest.fn() },
  setIsVisible: jest.fn(),
  getIsVisible$: jest.fn().mockReturnValue(of(true)),
  navLinks: { getNavLinks$: jest.fn().mockReturnValue(of([])) },
  navControls: { registerRight: jest.fn(), getRight$: jest.fn().mockReturnValue(of([])) },
});

const createInjectedMetadata = (): jest.Mocked<InjectedMetadataStart> => ({
  getBasePath: jest.fn().mockReturnValue(''),
  getServerBasePath: jest.fn().mockReturnValue(''),
  getOpenSearchDashboardsVersion: jest.fn().mockReturnValue('2.19.0'),
  getOpenSearchDashboardsBuildNumber: jest.fn().mockReturnValue(1),
  getOpenSearchDashboardsBranch: jest.fn().mockReturnValue('main'),
  getServerUuid: jest.fn().mockReturnValue('5b2de169-2785-441b-ae8c-186a1936b17d'),
  getCapabilities: jest.fn().mockReturnValue(capabilities()),
  getPlugins: jest.fn().mockReturnValue([]),
  getUiSettings: jest.fn().mockReturnValue({ defaults: {}, user: {} }),
  getInjectedVar: jest.fn((_name: string, defaultValue?: unknown) => defaultValue) as any,
  getDefaultRoute: jest.fn().mockReturnValue('/app/home'),
});

const createFatalErrors = (): jest.Mocked<FatalErrorsSetup> => ({
  add: jest.fn((error: string | Error) => {
    throw error instanceof Error ? error : new Error(error);
  }) as any,
});

export interface CoreMockOptions {
  /** The page's base path (`server.basePath`): `http.basePath` and the anonymous paths follow it. */
  basePath?: string;
  /** What `uiSettings.get` answers. */
  uiSettings?: Record<string, unknown>;
}

/** The start contracts; `http` may be given so that setup and start share one client, as in the browser. */
function createStart({ basePath = '', uiSettings = {}, http }: CoreMockOptions & { http?: jest.Mocked<HttpSetup> } = {}): CoreStart & {
  http: jest.Mocked<HttpStart>;
  uiSettings: jest.Mocked<IUiSettingsClient>;
} {
  const injectedMetadata = createInjectedMetadata();
  injectedMetadata.getBasePath.mockReturnValue(basePath);
  injectedMetadata.getServerBasePath.mockReturnValue(basePath);
  return {
    application: createApplicationStart(),
    chrome: createChrome(),
    docLinks: new DocLinksService().start({ version: '2.19.0' }),
    http: http ?? createHttp(basePath),
    i18n: { Context: ({ children }) => children as any },
    notifications: { toasts: createToasts() },
    overlays: createOverlays(),
    uiSettings: createUiSettings(uiSettings),
    injectedMetadata,
    fatalErrors: createFatalErrors(),
  };
}

/**
 * The setup contracts. `getStartServices` resolves with a start mock of the same options that shares this
 * `http` (one client in the browser: a path registered anonymous in setup is anonymous in start).
 */
function createSetup<TPluginsStart extends object = object, TStart = unknown>({
  pluginStartDeps = {} as TPluginsStart,
  pluginStartContract,
  ...options
}: CoreMockOptions & { pluginStartDeps?: TPluginsStart; pluginStartContract?: TStart } = {}): CoreSetup<TPluginsStart, TStart> & {
  application: jest.Mocked<ApplicationSetup>;
  http: jest.Mocked<HttpSetup>;
  uiSettings: jest.Mocked<IUiSettingsClient>;
} {
  const http = createHttp(options.basePath);
  return {
    application: { register: jest.fn() },
    fatalErrors: createFatalErrors(),
    http,
    notifications: { toasts: createToasts() },
    uiSettings: createUiSettings(options.uiSettings),
    injectedMetadata: { getInjectedVar: jest.fn((_name: string, defaultValue?: unknown) => defaultValue) as any },
    getStartServices: jest.fn().mockResolvedValue([createStart({ ...options, http }), pluginStartDeps, pluginStartContract]),
  };
}

/**
 * A real `ScopedHistory` of the app at `appRoute` over an in-memory page history (`entries`, newest last),
 * so `push`, `replace`, `listen` and `createHref` behave as in the browser.
 */
function createScopedHistory({ appRoute = '/app/test', pathname, basePath = '' }: { appRoute?: string; pathname?: string; basePath?: string } = {}) {
  const entries: AppLocation[] = [{ pathname: pathname ?? appRoute, search: '', hash: '' }];
  const listeners = new Set<(location: AppLocation) => void>();
  const navigator: AppNavigator = {
    getLocation: () => entries[entries.length - 1],
    navigate: (url, { replace, state }) => {
      const parsed = new URL(url, 'http://localhost');
      const location = { pathname: parsed.pathname, search: parsed.search, hash: parsed.hash, state };
      if (replace) entries[entries.length - 1] = location;
      else entries.push(location);
      listeners.forEach((listener) => listener(location));
    },
    listen: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    prependBasePath: (path) => new BasePath(basePath).prepend(path),
  };
  return Object.assign(new ScopedHistory(navigator, appRoute), { entries });
}

function createPluginInitializerContext<T extends object = object>(config: T = {} as T): PluginInitializerContext<T> {
  return {
    opaqueId: Symbol('plugin'),
    env: {
      mode: { name: 'development', dev: true, prod: false },
      packageInfo: { version: '2.19.0', branch: 'main', buildNum: 1, buildSha: 'sha', dist: false },
    },
    config: { get: <C extends object = T>() => config as unknown as C },
  };
}

export const coreMock = { createSetup, createStart, createPluginInitializerContext };
export const httpServiceMock = { createSetupContract: createHttp, createStartContract: createHttp };
export const scopedHistoryMock = { create: createScopedHistory };
export const notificationServiceMock = { createToasts };
export const uiSettingsServiceMock = { createSetupContract: createUiSettings, createStartContract: createUiSettings };
export const overlayServiceMock = { createStartContract: createOverlays };
export const applicationServiceMock = { createStartContract: createApplicationStart };
