import { BehaviorSubject } from 'rxjs';
import type { TelemetryBrowserState } from '../../common/telemetry_state';
import { NULL_BROWSER_SENDER, selectBrowserSender } from './sender_selection';

const state = (optIn: boolean | null, level?: TelemetryBrowserState['level']): TelemetryBrowserState => ({
  optIn,
  ...(level ? { level } : {}),
  allowChangingOptInStatus: true,
  sendUsageFrom: 'browser',
  notifyUserAboutOptInDefault: false,
});

function setup(initial: TelemetryBrowserState) {
  const state$ = new BehaviorSubject(initial);
  const made: Array<{ calls: string[] }> = [];
  const onChoiceChange = jest.fn();
  const selection = selectBrowserSender({
    state$,
    onChoiceChange,
    createReal: () => {
      const calls: string[] = [];
      made.push({ calls });
      return { start: () => void calls.push('start'), stop: () => void calls.push('stop'), sendIfDue: async () => (calls.push('send'), 1) };
    },
  });
  return { state$, made, onChoiceChange, selection };
}

describe('selectBrowserSender', () => {
  it('uses the null sender while undecided or opted out: no real sender is made', async () => {
    const t = setup(state(null));
    expect([t.selection.kind(), t.selection.current()]).toEqual(['null', NULL_BROWSER_SENDER]);
    t.state$.next(state(false, 'off'));
    expect(t.selection.kind()).toBe('null');
    await t.selection.current().sendIfDue();
    expect(t.made).toHaveLength(0);
    t.selection.stop();
  });

  it('starts a real sender on opt-in, stops it on opt-out, and clears the failures on each change of the choice', () => {
    const t = setup(state(true, 'full'));
    expect(t.selection.kind()).toBe('real');
    expect(t.made[0].calls).toEqual(['start']);
    expect(t.onChoiceChange).not.toHaveBeenCalled();

    // A level change alone keeps the sender.
    t.state$.next(state(true, 'operational'));
    expect(t.made).toHaveLength(1);

    t.state$.next(state(false, 'off'));
    expect([t.selection.kind(), t.made[0].calls]).toEqual(['null', ['start', 'stop']]);
    t.state$.next(state(true, 'full'));
    expect(t.made.map((m) => m.calls)).toEqual([['start', 'stop'], ['start']]);
    expect(t.onChoiceChange).toHaveBeenCalledTimes(2);

    t.selection.stop();
    expect(t.made[1].calls).toEqual(['start', 'stop']);
    t.state$.next(state(false));
    t.state$.next(state(true));
    expect(t.made).toHaveLength(2);
  });
});
