import { BehaviorSubject } from 'rxjs';
import type { ApplicationStart, PublicAppInfo } from '../application/types';
import { ChromeService } from './chrome_service';
import type { ChromeNavControl } from './nav_controls';

// The service sets the tab title: node has no document, so a plain object stands in.
beforeAll(() => Object.assign(globalThis, { document: { title: '' } }));
afterAll(() => delete (globalThis as any).document);

const info = (id: string, extra: Partial<PublicAppInfo> = {}): PublicAppInfo => ({
  id,
  title: id,
  order: 0,
  navLinkStatus: 'default',
  appRoute: `/app/${id}`,
  chromeless: false,
  ...extra,
});

function startChrome() {
  const currentAppId$ = new BehaviorSubject<string | undefined>('home');
  const apps = new Map([
    ['home', info('home')],
    ['login', info('login', { appRoute: '/login', chromeless: true, navLinkStatus: 'hidden' })],
  ]);
  const application = { currentAppId$, applications$: new BehaviorSubject(apps) } as unknown as ApplicationStart;
  const chrome = new ChromeService().start({ application });
  const visible: boolean[] = [];
  chrome.getIsVisible$().subscribe((v) => visible.push(v));
  return { chrome, currentAppId$, visible };
}

describe('ChromeService', () => {
  it('hides the header while a chromeless app is shown, and only then', () => {
    const { chrome, currentAppId$, visible } = startChrome();
    currentAppId$.next('login');
    expect(document.title).toBe('login - OpenSearch Dashboards');
    // setIsVisible(true) cannot bring the header back over a chromeless app.
    chrome.setIsVisible(true);
    expect(visible).toEqual([true, false]);
    currentAppId$.next('home');
    expect(visible).toEqual([true, false, true]);
    chrome.setIsVisible(false);
    expect(visible).toEqual([true, false, true, false]);
    let links: PublicAppInfo[] = [];
    chrome.navLinks.getNavLinks$().subscribe((l) => (links = l));
    expect(links.map((l) => l.id)).toEqual(['home']);
  });

  it('lists right-hand nav controls by order, registration order breaking ties, including late ones', () => {
    const { chrome } = startChrome();
    const control = (order?: number): ChromeNavControl => ({ mount: () => () => undefined, order });
    const [a, b, c] = [control(10), control(), control(10)];
    let seen: ChromeNavControl[] = [];
    chrome.navControls.getRight$().subscribe((controls) => (seen = controls));
    chrome.navControls.registerRight(a);
    chrome.navControls.registerRight(b);
    chrome.navControls.registerRight(c);
    expect(seen).toEqual([b, a, c]);
    expect(() => chrome.navControls.registerRight({} as ChromeNavControl)).toThrow('needs a "mount" function');
  });
});
