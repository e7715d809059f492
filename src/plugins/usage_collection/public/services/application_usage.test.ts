import { BehaviorSubject, Subject } from 'rxjs';
import { trackApplicationUsage } from './application_usage';

function setup() {
  const currentAppId$ = new Subject<string | undefined>();
  const applications$ = new BehaviorSubject<ReadonlyMap<string, unknown>>(new Map(['a', 'b', 'opensearchDashboards'].map((id) => [id, {}])));
  const reporter = {
    reportApplicationUsage: jest.fn(),
    reportClick: jest.fn(),
    resumeApplicationUsage: jest.fn(),
    persistNow: jest.fn(),
    flush: jest.fn(async () => undefined),
    leave: jest.fn(),
    start: jest.fn(),
  };
  const win = new EventTarget();
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
  const stop = trackApplicationUsage({
    currentAppId$,
    applications$,
    reporter: reporter as any,
    window: win as unknown as Window,
    document: doc as unknown as Document,
  });
  const pageEvent = (type: string, persisted: boolean) => Object.assign(new Event(type), { persisted });
  return { currentAppId$, applications$, reporter, win, doc, stop, pageEvent };
}

describe('trackApplicationUsage', () => {
  it('reports distinct app changes, except the legacy shell id', () => {
    const { currentAppId$, reporter } = setup();
    currentAppId$.next('a');
    currentAppId$.next('a');
    currentAppId$.next('opensearchDashboards');
    currentAppId$.next('b');
    expect(reporter.reportApplicationUsage.mock.calls).toEqual([['a'], ['b']]);
  });

  it('reports only registered apps: an unknown id closes the session and opens none', () => {
    const { currentAppId$, reporter } = setup();
    currentAppId$.next('a');
    currentAppId$.next('nope');
    currentAppId$.next('b');
    currentAppId$.next('typo');
    currentAppId$.next('also-unknown');
    expect(reporter.reportApplicationUsage.mock.calls).toEqual([['a'], [undefined], ['b'], [undefined]]);
  });

  it('does not reopen the last known app when the page shows again on an unknown one', () => {
    const { currentAppId$, doc, reporter } = setup();
    currentAppId$.next('a');
    currentAppId$.next('nope');
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(reporter.resumeApplicationUsage).not.toHaveBeenCalled();
  });

  it('counts clicks on the window', () => {
    const { win, reporter } = setup();
    win.dispatchEvent(new Event('click'));
    win.dispatchEvent(new Event('click'));
    expect(reporter.reportClick).toHaveBeenCalledTimes(2);
  });

  it('hidden: closes the session, writes storage and sends; visible: reopens it', () => {
    const { currentAppId$, doc, reporter } = setup();
    currentAppId$.next('a');
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(reporter.reportApplicationUsage).toHaveBeenCalledWith(undefined);
    expect(reporter.persistNow).toHaveBeenCalled();
    expect(reporter.flush).toHaveBeenCalled();
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(reporter.resumeApplicationUsage).toHaveBeenCalledTimes(1);
  });

  it('pagehide hands over to reporter.leave and ignores the visibilitychange that follows; a bfcache restore starts again', () => {
    const { currentAppId$, win, doc, reporter, pageEvent } = setup();
    currentAppId$.next('a');
    win.dispatchEvent(pageEvent('pagehide', false));
    expect(reporter.leave).toHaveBeenCalledTimes(1);
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(reporter.flush).not.toHaveBeenCalled();
    win.dispatchEvent(pageEvent('pageshow', true));
    expect(reporter.start).toHaveBeenCalledTimes(1);
    expect(reporter.resumeApplicationUsage).toHaveBeenCalledTimes(1);
  });

  it('stops listening when undone', () => {
    const { win, currentAppId$, reporter, stop } = setup();
    stop();
    win.dispatchEvent(new Event('click'));
    currentAppId$.next('a');
    expect(reporter.reportClick).not.toHaveBeenCalled();
    expect(reporter.reportApplicationUsage).not.toHaveBeenCalled();
  });
});
