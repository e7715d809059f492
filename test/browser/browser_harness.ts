import { existsSync, mkdirSync } from 'fs';
import { join } from 'path';
import { Browser, BrowserContext, chromium, ConsoleMessage, Page } from 'playwright-core';
import {
  OsdServer,
  OsdServerOptions,
  REPO_ROOT,
  startOsdServer,
  TEST_ADMIN_PASSWORD,
  TEST_ADMIN_USERNAME,
  TEST_PLUGINS_DIR,
} from '../harness/osd_server';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM_PATH = process.env.OSD_CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Screenshots and other artefacts of the browser tests (git-ignored). */
export const BROWSER_OUTPUT_DIR = join(REPO_ROOT, 'test-output', 'browser');
export const BROWSER_TEST_PLUGIN = join(TEST_PLUGINS_DIR, 'browser_test_plugin');

/** Launches headless Chromium from the system, or explains how to install it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}. Install Debian's package (apt-get install -y chromium) or set OSD_CHROMIUM_PATH.`
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}

/** A page that remembers every console error and uncaught exception. */
export interface WatchedPage {
  page: Page;
  /** Console errors, uncaught exceptions and failed requests, as text. */
  errors: string[];
}

export interface OpenPageOptions {
  /**
   * The server to log in to before the page opens: the page's context then carries a session cookie, as a
   * browser does after the login page. Without it (or with `auth: false`) the page starts anonymous.
   */
  server?: string;
  /** Who logs in: the harness admin by default; `false` for nobody. */
  auth?: false | { username: string; password: string };
}

/**
 * Logs in through the login API on the context's own request client, so the session cookie lands in the
 * context's cookie jar exactly as the login page would leave it. A server with security off has no login
 * API (404): the page then needs no session at all.
 */
export async function logInContext(context: BrowserContext, server: string, { username, password }: { username: string; password: string }) {
  const response = await context.request.post(`${server}/api/security/login`, {
    headers: { 'osd-xsrf': 'test', 'content-type': 'application/json' },
    data: { username, password },
  });
  if (response.status() === 404) return;
  if (response.status() !== 200) throw new Error(`login as ${username} answered ${response.status()}: ${await response.text()}`);
}

export async function openPage(browser: Browser, options: OpenPageOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  if (options.server && options.auth !== false) {
    await logInContext(context, options.server, options.auth ?? { username: TEST_ADMIN_USERNAME, password: TEST_ADMIN_PASSWORD });
  }
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  return { page, errors };
}

/** A running server and browser, stopped together. */
export interface BrowserEnv {
  server: OsdServer;
  browser: Browser;
  /** Restarts the server on the same data folder (and port), keeping the browser. */
  restartServer(): Promise<OsdServer>;
  stop(): Promise<void>;
}

/**
 * Starts the real server (with the browser test plugin, on a free port, with a temporary `path.data`) and
 * Chromium. The browser starts while the server is still starting.
 */
export async function startBrowserEnv(options: OsdServerOptions = {}): Promise<BrowserEnv> {
  const serverOptions = { ...options, pluginPaths: [BROWSER_TEST_PLUGIN, ...(options.pluginPaths ?? [])], timeoutMs: 120000 };
  const [serverResult, browserResult] = await Promise.allSettled([startOsdServer(serverOptions), launchChromium()]);
  if (serverResult.status === 'rejected' || browserResult.status === 'rejected') {
    // Whichever did start must not outlive the failure (an open browser keeps Jest from exiting).
    if (browserResult.status === 'fulfilled') await browserResult.value.close().catch(() => undefined);
    if (serverResult.status === 'fulfilled') {
      await serverResult.value.stop();
      serverResult.value.cleanup();
    }
    throw serverResult.status === 'rejected' ? serverResult.reason : (browserResult as PromiseRejectedResult).reason;
  }
  const server = serverResult.value;
  const browser = browserResult.value;
  const env: BrowserEnv = {
    server,
    browser,
    restartServer: async () => {
      const { dataPath, port } = env.server;
      if ((await env.server.stop()) !== 0) throw new Error(`server did not stop cleanly:\n${env.server.output()}`);
      env.server = await startOsdServer({ ...serverOptions, dataPath, port });
      return env.server;
    },
    stop: async () => {
      await browser.close().catch(() => undefined);
      await env.server.stop();
      env.server.cleanup();
      // The first server made the data folder; a restarted one reuses it and does not remove it.
      server.cleanup();
    },
  };
  return env;
}

/**
 * The Jest hooks of a describe block that drives one server and browser: `start` runs before the block
 * (by default the plain environment) and the environment stops after it; each test gets a fresh watched
 * page, closed after it, logged in as the harness admin unless `options.auth` says otherwise (`false`: an
 * anonymous page, for tests of the login page itself). Read `env`, `page` and `watched` inside tests.
 */
export function useBrowserEnv(start: () => Promise<BrowserEnv> = () => startBrowserEnv(), options: Pick<OpenPageOptions, 'auth'> = {}) {
  const current = {} as { env: BrowserEnv; watched: WatchedPage; page: Page };
  beforeAll(async () => {
    current.env = await start();
  });
  afterAll(async () => {
    await current.env?.stop();
  });
  beforeEach(async () => {
    current.watched = await openPage(current.env.browser, { server: current.env.server.url, auth: options.auth });
    current.page = current.watched.page;
  });
  afterEach(async () => {
    await current.page.context().close();
  });
  return current;
}

/** Saves a screenshot (the full page unless `fullPage: false`) under `test-output/browser/`; returns its path. */
export async function saveScreenshot(page: Page, name: string, { fullPage = true } = {}) {
  mkdirSync(BROWSER_OUTPUT_DIR, { recursive: true });
  const path = join(BROWSER_OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Waits until the host has rendered (the header is there) after a load. */
export async function waitForChrome(page: Page) {
  await page.waitForSelector('[data-test-subj="headerGlobalNav"]');
}

export const subj = (name: string) => `[data-test-subj="${name}"]`;
