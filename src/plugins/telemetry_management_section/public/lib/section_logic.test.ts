import { formatBytes, loadExample, lockedMessage, matchesSearchTerms, stateDescription, successMessage } from './section_logic';

describe('matchesSearchTerms', () => {
  it.each([
    ['', true],
    ['TeLEMetry', true],
    ['usage', true],
    ['data', true],
    ['usage data', true],
    ['tele', true],
    ['page size', false],
    ['xyz', false],
  ])('%p → %p', (text, expected) => expect(matchesSearchTerms(text)).toBe(expected));
});

describe('lockedMessage', () => {
  it('is undefined when the choice may change', () => expect(lockedMessage({ allowChangingOptInStatus: true })).toBeUndefined());
  it('names opensearch_dashboards.yml for a config lock', () =>
    expect(lockedMessage({ allowChangingOptInStatus: false, lockedBy: 'config' })).toContain('opensearch_dashboards.yml'));
  it('names the role when this user may not change it', () =>
    expect(lockedMessage({ allowChangingOptInStatus: false, lockedBy: 'role' })).toBe('Changing usage data collection needs the admin role.'));
  it('names the environment', () => expect(lockedMessage({ allowChangingOptInStatus: false, lockedBy: 'environment' })).toContain('DO_NOT_TRACK'));
});

it('describes each state and change', () => {
  expect(stateDescription(null)).toContain('No choice');
  expect(stateDescription(true)).toBe('Usage data is sent, one report per day unless configured otherwise.');
  expect(stateDescription(false)).toBe('No usage data is sent.');
  expect(successMessage(false)).toBe('Usage data collection turned off.');
});

describe('loadExample', () => {
  it('formats the reports with their size', async () => {
    const state = await loadExample(async () => [{ cluster_uuid: 'é' }]);
    expect(state).toEqual({ status: 'loaded', json: '[\n  {\n    "cluster_uuid": "é"\n  }\n]', bytes: 36 }); // é is two bytes
  });
  it('says forbidden on a 403', async () => {
    await expect(loadExample(() => Promise.reject(Object.assign(new Error('Forbidden'), { response: { status: 403 } })))).resolves.toEqual({ status: 'forbidden' });
  });
  it('gives the server message on other failures', async () => {
    const error = Object.assign(new Error('Internal Server Error'), { response: { status: 500 }, body: { message: 'Could not build the telemetry report: boom' } });
    await expect(loadExample(() => Promise.reject(error))).resolves.toEqual({ status: 'error', message: 'Could not build the telemetry report: boom' });
  });
});

it('formats sizes', () => {
  expect(formatBytes(812)).toBe('812 B');
  expect(formatBytes(14540)).toBe('14.2 KB');
});
