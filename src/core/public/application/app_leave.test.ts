import { BasePath } from '../http/base_path';
import { ApplicationService } from './application_service';
import { createMemoryHistory } from './browser_history';
import type { AppLeaveHandler } from './types';

const capabilities = { navLinks: {}, management: {}, catalogue: {} };
const noopMount = () => () => undefined;

/** The service on `/app/management/settings` with the management app mounted and its leave handler set. */
function setup(handler?: AppLeaveHandler, answer = false) {
  const history = createMemoryHistory('/app/management/settings');
  const service = new ApplicationService({ basePath: new BasePath(''), capabilities, history, getDefaultRoute: () => '/app/home' });
  const apps = service.setup();
  apps.register({ id: 'home', title: 'Home', mount: noopMount });
  const management = { id: 'management', title: 'Management', mount: noopMount };
  apps.register(management);
  const openConfirm = jest.fn(async () => answer);
  const start = service.start({ openConfirm });
  const params = service.createMountParams(management, {} as HTMLElement);
  if (handler) params.onAppLeave(handler);
  return { history, start, openConfirm, params };
}

const unsaved: AppLeaveHandler = (actions) => actions.confirm('Unsaved changes', 'Leave?', undefined, 'Leave without saving');

describe('leaving an app (onAppLeave)', () => {
  it('goes on at once, without asking, when the handler says default (or there is none)', async () => {
    const { history, start, openConfirm } = setup((actions) => actions.default());
    const done = start.navigateToApp('home');
    // Synchronously: callers (and the link interceptor) see the new URL right away.
    expect(history.getLocation().pathname).toBe('/app/home');
    await done;
    expect(openConfirm).not.toHaveBeenCalled();
  });

  it('asks with the handler\'s texts, and stays when the user says no', async () => {
    const { history, start, openConfirm } = setup(unsaved, false);
    await start.navigateToApp('home');
    expect(openConfirm).toHaveBeenCalledWith('Unsaved changes', { title: 'Leave?', confirmButtonText: 'Leave without saving', cancelButtonText: 'Stay' });
    expect(history.entries).toEqual(['/app/management/settings']);
    // Another path of the same app, through a link, asks too.
    await start.navigateToUrl('/app/management/users');
    expect(openConfirm).toHaveBeenCalledTimes(2);
    expect(history.entries).toEqual(['/app/management/settings']);
  });

  it('leaves with one history entry when the user confirms, and runs the callback', async () => {
    const callback = jest.fn();
    const { history, start } = setup((actions) => actions.confirm('Unsaved', undefined, callback), true);
    await start.navigateToUrl('/app/home');
    expect(history.entries).toEqual(['/app/management/settings', '/app/home']);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it("passes the next app's id, and drops the handler once the app is left", async () => {
    const handler = jest.fn<ReturnType<AppLeaveHandler>, Parameters<AppLeaveHandler>>((actions) => actions.default());
    const { history, start } = setup(handler);
    await start.navigateToUrl('/app/management/users');
    await start.navigateToApp('home');
    expect(handler.mock.calls.map(([, next]) => next)).toEqual(['management', 'home']);
    await start.navigateToApp('management');
    expect(handler).toHaveBeenCalledTimes(2);
    expect(history.entries).toHaveLength(4);
  });

  it('never asks for the URL the page is at, and replaces instead of adding an entry', async () => {
    const { history, start, openConfirm } = setup(unsaved);
    await start.navigateToUrl('/app/management/settings');
    await start.navigateToApp('management', { path: '/settings' });
    expect(openConfirm).not.toHaveBeenCalled();
    expect(history.entries).toEqual(['/app/management/settings']);
  });

  it('makes the browser ask on unload while the handler says confirm, but not after the user already confirmed a page load', async () => {
    let dirty = true;
    const { history, start } = setup((actions) => (dirty ? actions.confirm('Unsaved') : actions.default()), true);
    expect(history.wouldAskOnUnload()).toBe(true);
    dirty = false;
    expect(history.wouldAskOnUnload()).toBe(false);
    dirty = true;
    await start.navigateToUrl('https://opensearch.org/');
    expect(history.assigned).toEqual(['https://opensearch.org/']);
    expect(history.wouldAskOnUnload()).toBe(false);
  });

  it('goes on (and says why in the console) when a handler throws', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { history, start } = setup(() => {
      throw new Error('broken handler');
    });
    await start.navigateToApp('home');
    expect(history.getLocation().pathname).toBe('/app/home');
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });
});
