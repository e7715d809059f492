import { UiSettingsClient } from './ui_settings_client';
import { UiSettingsUpdateError } from './types';

function createClient(post: jest.Mock = jest.fn().mockResolvedValue({ settings: {} })) {
  const client = new UiSettingsClient({
    http: { post },
    defaults: {
      'page:size': { name: 'Page size', value: 10, type: 'number', category: ['general'] },
      'theme:json': { value: '{"a":1}', type: 'json' },
      'dark:mode': { value: false, type: 'boolean' },
    },
    user: { 'page:size': { userValue: 25 }, 'fixed:one': { userValue: 'x', isOverridden: true }, 'custom:key': { userValue: 'c' } },
  });
  return { client, post };
}

describe('browser UiSettingsClient', () => {
  it('reads user values over defaults, converts json, and refuses unknown keys without a default', () => {
    const { client } = createClient();
    expect(client.get('page:size')).toBe(25);
    expect(client.get('dark:mode')).toBe(false);
    expect(client.get('theme:json')).toEqual({ a: 1 });
    expect(client.get('nope', 'fallback')).toBe('fallback');
    expect(() => client.get('nope')).toThrow('unrecognized configuration setting "nope"');
    expect(client.isCustom('custom:key')).toBe(true);
    expect(client.isOverridden('fixed:one')).toBe(true);
    expect(client.isDefault('dark:mode')).toBe(true);
    expect(client.isDefault('page:size')).toBe(false);
  });

  it('saves through the settings API, emits on get$ and getSaved$', async () => {
    const { client, post } = createClient();
    const values: boolean[] = [];
    client.get$('dark:mode').subscribe((v) => values.push(v));
    const saved: unknown[] = [];
    client.getSaved$().subscribe((c) => saved.push(c));
    await expect(client.set('dark:mode', true)).resolves.toBe(true);
    expect(post).toHaveBeenCalledWith('/api/opensearch-dashboards/settings', {
      body: JSON.stringify({ changes: { 'dark:mode': true } }),
    });
    expect(values).toEqual([false, true]);
    expect(saved).toEqual([{ key: 'dark:mode', newValue: true, oldValue: false }]);
    await client.remove('dark:mode');
    expect(values).toEqual([false, true, false]);
    expect(client.isDefault('dark:mode')).toBe(true);
  });

  it("rolls back and reports the server's message when the value is refused", async () => {
    const post = jest.fn().mockRejectedValue(new Error('[validation [page:size]]: Value must be equal to or lower than [100].'));
    const { client } = createClient(post);
    const errors: UiSettingsUpdateError[] = [];
    client.getUpdateErrors$().subscribe((e) => errors.push(e));
    const values: number[] = [];
    client.get$('page:size').subscribe((v) => values.push(v));
    await expect(client.set('page:size', 1000)).resolves.toBe(false);
    expect(client.get('page:size')).toBe(25);
    expect(values).toEqual([25, 1000, 25]);
    expect(errors[0].key).toBe('page:size');
    expect(errors[0].message).toContain('Value must be equal to or lower than [100]');
  });

  it('does not call the server for an unchanged value and refuses overridden keys', async () => {
    const { client, post } = createClient();
    await expect(client.set('page:size', 25)).resolves.toBe(true);
    expect(post).not.toHaveBeenCalled();
    await expect(client.set('fixed:one', 'y')).rejects.toThrow('overridden');
  });

  it('hands out copies from getAll', () => {
    const { client } = createClient();
    const all = client.getAll();
    all['page:size'].userValue = 99;
    expect(client.get('page:size')).toBe(25);
    expect(all['page:size']).toMatchObject({ name: 'Page size', value: 10, category: ['general'] });
  });
});
