/*
 * For this plugin's unit tests: the plugin wired to core's real HTTP service (router, interceptors) and
 * the real saved-objects service on SQLite in a temp folder, in this process. Not the whole server (the
 * integration suites start that): just enough core for the plugin's own pieces, with log lines recorded
 * by context so audit lines can be checked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SavedObjectsService, createSqliteBackendFactory, type CoreSetup, type CoreStart, type Logger } from '../../../core/server';
// The real HTTP and capabilities services (not in core's plugin API): the plugin's routes and interceptors run for real.
import { HttpService, type IRouter, type InternalHttpServiceSetup } from '../../../core/server/http';
import { testHttpConfig } from '../../../core/server/http/test_utils';
import { CapabilitiesService } from '../../../core/server/capabilities';
import { coreMock, loggingSystemMock } from '../../../core/server/mocks';
import { configSchema, type SecurityConfigType } from './config';
import { SecurityPlugin } from './plugin';

export interface PluginTestServerOptions {
  /** `security.*` as it would be written in YAML (validated by the plugin's schema). */
  config?: Record<string, unknown>;
  /** OSD_ADMIN_PASSWORD for this start; unset when undefined. */
  adminPassword?: string;
  basePath?: string;
  /** Extra routes (e.g. tagged ones), registered before the server starts. */
  routes?(router: IRouter, http: InternalHttpServiceSetup): void;
  /** Reuse a data folder (a restart or a second server on the same store). */
  dataPath?: string;
}

export interface PluginTestServer {
  url: string;
  dataPath: string;
  /** `<context> <level> <message>` per log call. */
  logs: string[];
  /** The JSON audit events logged so far. */
  auditEvents(): Array<Record<string, unknown>>;
  stop(): Promise<void>;
  /** Stops and removes the data folder (when this helper created it). */
  close(): Promise<void>;
}

function recordingFactory(lines: string[], context: string): Logger {
  const line = (level: string) => (message: string) => void lines.push(`${context} ${level} ${message}`);
  return {
    trace: line('trace'),
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    fatal: line('fatal'),
    get: (...parts: string[]) => recordingFactory(lines, [context, ...parts].join('.')),
  };
}

export async function startPluginTestServer(options: PluginTestServerOptions = {}): Promise<PluginTestServer> {
  const ownData = options.dataPath === undefined;
  const dataPath = options.dataPath ?? mkdtempSync(join(tmpdir(), 'security-plugin-'));
  const logs: string[] = [];
  const root = recordingFactory(logs, 'plugins.security');

  const quiet = loggingSystemMock.createLogger();
  const http = new HttpService({ ...testHttpConfig, basePath: options.basePath ?? '' }, quiet);
  const httpSetup = http.setup();
  httpSetup.setCoreContextFactory(() => ({ savedObjects: { client: null, typeRegistry: null, getClient: () => null }, uiSettings: { client: null } }));
  const savedObjects = new SavedObjectsService({
    logger: quiet,
    dataPath,
    backendFactory: createSqliteBackendFactory({ synchronous: 'NORMAL', counterThread: false }),
  });
  const savedObjectsSetup = savedObjects.setup();

  const config: SecurityConfigType = configSchema.validate(options.config ?? { enabled: true });
  const context = coreMock.createPluginInitializerContext<SecurityConfigType>(config, {
    dataPath,
    loggerFactory: { get: (...parts: string[]) => (parts.length ? root.get(...parts) : root) },
  });

  const previous = process.env.OSD_ADMIN_PASSWORD;
  if (options.adminPassword === undefined) delete process.env.OSD_ADMIN_PASSWORD;
  else process.env.OSD_ADMIN_PASSWORD = options.adminPassword;
  let plugin: SecurityPlugin;
  try {
    plugin = new SecurityPlugin(context);
  } finally {
    if (previous === undefined) delete process.env.OSD_ADMIN_PASSWORD;
    else process.env.OSD_ADMIN_PASSWORD = previous;
  }

  // Real services for what the plugin's tests exercise; the kit's mocks for the rest of core.
  const capabilities = new CapabilitiesService(quiet);
  const coreSetup: CoreSetup = { ...coreMock.createSetup(), http: httpSetup, savedObjects: savedObjectsSetup, capabilities: capabilities.setup() };
  plugin.setup(coreSetup);
  options.routes?.(httpSetup.createRouter('test'), httpSetup);
  const coreStart: CoreStart = { ...coreMock.createStart(), savedObjects: await savedObjects.start() };
  await plugin.start(coreStart);
  await http.start();

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await http.stop();
    await plugin.stop();
    await savedObjects.stop();
  };
  return {
    url: `http://127.0.0.1:${httpSetup.getServerInfo().port}${options.basePath ?? ''}`,
    dataPath,
    logs,
    auditEvents: () =>
      logs.filter((l) => l.startsWith('plugins.security.audit info ')).map((l) => JSON.parse(l.slice('plugins.security.audit info '.length))),
    stop,
    close: async () => {
      await stop();
      if (ownData) rmSync(dataPath, { recursive: true, force: true });
    },
  };
}
