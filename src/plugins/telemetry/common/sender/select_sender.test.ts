import { senderKindFor } from './select_sender';

describe('senderKindFor', () => {
  it.each([
    [{ optIn: true, level: 'full' as const }, 'real'],
    [{ optIn: true, level: 'operational' as const }, 'real'],
    [{ optIn: true }, 'real'],
    [{ optIn: true, level: 'off' as const }, 'null'],
    [{ optIn: false, level: 'off' as const }, 'null'],
    [{ optIn: false }, 'null'],
    [{ optIn: null }, 'null'],
    [{ optIn: null, level: 'full' as const }, 'null'],
  ])('%p → %s', (state, kind) => expect(senderKindFor(state)).toBe(kind));
});
