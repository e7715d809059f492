import { Subject } from 'rxjs';
import { trackApplicationUsage } from './application_usage';

function setup() {
  const currentAppId$ = new Subject<string | undefined>();
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
    reporter: reporter as any,
    window: win as unknown as Window,
    document: doc as unknown as Document,
  });
  const pageEvent = (type: string, persisted: boolean) => Object.assign(new Event(type), { persisted });
  return { currentAppId$, reporter, win, doc, stop, pageEvent };
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

  it('counts clicks on the window', () => {
    const { win, reporter } = setup();
    win.dispatchEvent(new Event('click'));
    win.dispatchEvent(new Event('click'));
    expect(reporter.reportClick).toHaveBeenCalledTimes(2);
  });

  it('hidden: closes the session, writes storage and sends; visible: reopens it', () => {
    const { doc, reporter } = setup();
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
    const { win, doc, reporter, pageEvent } = setup();
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
