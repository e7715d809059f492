import {
  displayKey,
  MAX_USER_SETTINGS,
  MAX_USER_VALUE_BYTES,
  MAX_USER_VALUE_DEPTH,
  settingsCountProblem,
  userKeyProblem,
  userValueProblem,
} from './user_value_limits';

const nested = (levels: number) => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
};
/** A string whose JSON form (with its two quotes) is exactly `bytes` long. */
const jsonOfBytes = (bytes: number) => 'x'.repeat(bytes - 2);
const settings = (count: number, prefix = 'k') => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, i]));

describe('userValueProblem', () => {
  it('accepts values up to 64 KB of JSON, and removals', () => {
    expect(userValueProblem(jsonOfBytes(MAX_USER_VALUE_BYTES))).toBeUndefined();
    expect(userValueProblem({ list: [1, 2, 3], text: 'é' })).toBeUndefined();
    expect(userValueProblem(null)).toBeUndefined();
    expect(userValueProblem(undefined)).toBeUndefined();
  });

  it('refuses one byte more, giving the size', () => {
    expect(userValueProblem(jsonOfBytes(MAX_USER_VALUE_BYTES + 1))).toBe(
      'the value is 65537 bytes as JSON, over the limit of 65536 bytes (64 KB)'
    );
  });

  it('measures UTF-8 bytes, not characters', () => {
    // 'é' is two bytes: 40,000 characters make 80,002 bytes of JSON.
    expect(userValueProblem('é'.repeat(40000))).toContain('80002 bytes');
  });

  it('refuses values with more nodes than bytes allowed without serializing them', () => {
    expect(userValueProblem(new Array(MAX_USER_VALUE_BYTES + 1).fill(0))).toBe(
      'the value is more than 65536 bytes as JSON, over the limit of 65536 bytes (64 KB)'
    );
  });

  it('bounds nesting at 100 levels, even far deeper than JSON.stringify could handle', () => {
    expect(userValueProblem(nested(MAX_USER_VALUE_DEPTH))).toBeUndefined();
    expect(userValueProblem(nested(MAX_USER_VALUE_DEPTH + 1))).toBe('the value is nested deeper than 100 levels');
    expect(userValueProblem(nested(100000))).toBe('the value is nested deeper than 100 levels');
  });

  it('refuses circular values and values JSON cannot hold', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(userValueProblem(circular)).toBe('the value is nested deeper than 100 levels');
    expect(userValueProblem({ n: BigInt(1) })).toMatch(/^the value cannot be written as JSON: /);
    expect(userValueProblem(() => 1)).toBe('the value cannot be written as JSON');
  });
});

describe('settingsCountProblem', () => {
  it('allows up to 500 user settings and refuses the 501st, naming the new key', () => {
    expect(settingsCountProblem({ buildNum: 1, ...settings(MAX_USER_SETTINGS - 1) }, { extra: 1 })).toBeUndefined();
    const problem = settingsCountProblem({ buildNum: 1, ...settings(MAX_USER_SETTINGS) }, { extra: 1 });
    expect(problem).toEqual({
      added: ['extra'],
      message:
        'Unable to save "extra": at most 500 user settings can be stored and this change would make 501; reset settings you no longer need first',
    });
  });

  it('counts a batch as a whole, naming the first five new keys', () => {
    const problem = settingsCountProblem({}, settings(MAX_USER_SETTINGS + 7, 'n'));
    expect(problem?.added).toHaveLength(507);
    expect(problem?.message).toMatch(/^Unable to save "n0", "n1", "n2", "n3", "n4" and 502 more: .* would make 507;/);
  });

  it('ignores buildNum and removed (null) values when counting what is stored', () => {
    const stored = { buildNum: 1, gone: null, ...settings(MAX_USER_SETTINGS - 1) };
    expect(settingsCountProblem(stored, { extra: 1 })).toBeUndefined();
  });

  it('always allows updating or removing stored values, even over the cap', () => {
    const stored = settings(MAX_USER_SETTINGS + 100);
    expect(settingsCountProblem(stored, { k3: 'changed', k4: null })).toBeUndefined();
    expect(settingsCountProblem(stored, Object.fromEntries(Object.keys(stored).map((k) => [k, null])))).toBeUndefined();
  });

  it('lets a change add keys when it removes enough in the same batch', () => {
    const stored = settings(MAX_USER_SETTINGS);
    expect(settingsCountProblem(stored, { k0: null, fresh: 1 })).toBeUndefined();
    expect(settingsCountProblem(stored, { k0: null, fresh: 1, fresher: 2 })?.message).toContain('would make 501');
  });
});

describe('userKeyProblem / displayKey', () => {
  it('accepts keys up to 256 characters and refuses empty or longer ones', () => {
    expect(userKeyProblem('theme:darkMode')).toBeUndefined();
    expect(userKeyProblem('k'.repeat(256))).toBeUndefined();
    expect(userKeyProblem('k'.repeat(257))).toBe('a setting key is at most 256 characters');
    expect(userKeyProblem('')).toBe('a setting key cannot be empty');
  });

  it('names a long key by its start and length, so a message stays readable', () => {
    expect(displayKey('theme:darkMode')).toBe('"theme:darkMode"');
    expect(displayKey('k'.repeat(300))).toBe(`"${'k'.repeat(40)}…" (300 characters)`);
  });
});
