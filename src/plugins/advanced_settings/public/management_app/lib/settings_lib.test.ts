import {
  editorLock,
  getAriaName,
  getCategoryName,
  getEditableValue,
  getValueType,
  isDefaultValue,
  toEditableConfig,
  OVERRIDDEN_NOTE,
  toSavedValue,
} from './settings_lib';

describe('advanced settings helpers', () => {
  it('names categories and keys for people', () => {
    expect(getCategoryName('general')).toBe('General');
    expect(getCategoryName('browserTest')).toBe('BrowserTest');
    expect(getAriaName('dateFormat:tz')).toBe('date format tz');
    expect(getAriaName('telemetry:optIn')).toBe('telemetry opt in');
  });

  it('picks the editor from the declared type or the value', () => {
    expect(getValueType({ type: 'select', value: 'a' }, undefined)).toBe('select');
    expect(getValueType({ value: [1] }, undefined)).toBe('array');
    expect(getValueType({ value: true }, undefined)).toBe('boolean');
    expect(getValueType({ value: 3 }, undefined)).toBe('number');
    expect(getValueType({}, 'x')).toBe('string');
  });

  it('turns a registered setting into a form field', () => {
    const field = toEditableConfig('page:size', { name: 'Page size', value: 10, userValue: 25, type: 'number' }, false);
    expect(field).toMatchObject({ name: 'page:size', displayName: 'Page size', value: 25, defVal: 10, category: ['general'], ariaName: 'page size' });
    expect(isDefaultValue(field)).toBe(false);
    expect(isDefaultValue({ ...field, value: undefined })).toBe(true);
    expect(toEditableConfig('x', { userValue: 'c' }, true).isCustom).toBe(true);
    expect(toEditableConfig('n', { value: 1, validation: { min: 0 } }, false).validation).toEqual({ min: 0 });
  });

  it('gives editors their starting value', () => {
    expect(getEditableValue('array', ['a', 'b'])).toBe('a, b');
    expect(getEditableValue('boolean', undefined, true)).toBe(true);
    expect(getEditableValue('number', '7')).toBe(7);
    // Words a number setting also takes, and stored values that are no number, are shown as they are.
    expect(getEditableValue('number', 'Infinity')).toBe('Infinity');
    expect(getEditableValue('number', 'abc')).toBe('abc');
    expect(getEditableValue('string', undefined, undefined)).toBe('');
  });

  it('converts edits to the stored value, null when equal to the default', () => {
    expect(toSavedValue({ type: 'array', defVal: ['a'] }, ' a ')).toBeNull();
    expect(toSavedValue({ type: 'array', defVal: ['a'] }, 'a, b')).toEqual(['a', 'b']);
    expect(toSavedValue({ type: 'json', defVal: '[]' }, '  ')).toBeNull();
    expect(toSavedValue({ type: 'json', defVal: '{}' }, '{"a":1}')).toBe('{"a":1}');
    expect(toSavedValue({ type: 'number', defVal: 10 }, 10)).toBeNull();
    expect(toSavedValue({ type: 'number', defVal: 10 }, 42)).toBe(42);
  });
});

describe('a setting fixed by uiSettings.overrides', () => {
  const overridden = toEditableConfig(
    'dateFormat',
    { name: 'Date format', value: 'MMM D, YYYY', type: 'string', description: 'When displaying a date', userValue: 'YYYY/MM/DD', isOverridden: true },
    false
  );

  it('is the normal row of the registered setting, with the overriding value', () => {
    expect(overridden).toMatchObject({ displayName: 'Date format', value: 'YYYY/MM/DD', defVal: 'MMM D, YYYY', isOverridden: true, isCustom: false });
    expect(overridden.description).toBe('When displaying a date');
  });

  it('is locked with the server-config note; other settings are locked only while saving is off or busy', () => {
    expect(editorLock(overridden, { enableSaving: true })).toEqual({ disabled: true, note: OVERRIDDEN_NOTE });
    expect(OVERRIDDEN_NOTE).toBe('This setting is overridden by the server config (opensearch_dashboards.yml) and cannot be changed.');
    const free = { ...overridden, isOverridden: false };
    expect(editorLock(free, { enableSaving: true })).toEqual({ disabled: false, note: undefined });
    expect(editorLock(free, { enableSaving: false }).disabled).toBe(true);
    expect(editorLock(free, { enableSaving: true, loading: true }).disabled).toBe(true);
  });
});
