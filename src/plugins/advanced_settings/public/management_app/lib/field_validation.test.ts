import { checkJson, checkNumberBounds, checkOption, parseNumberInput } from './field_validation';

describe('the browser-side checks of Advanced Settings', () => {
  it('words number bounds for people', () => {
    expect(checkNumberBounds(-1, { min: 0 })).toBe('Must be 0 or more');
    expect(checkNumberBounds(101, { max: 100 })).toBe('Must be 100 or less');
    expect(checkNumberBounds(0, { min: 1, max: 100 })).toBe('Must be between 1 and 100');
    expect(checkNumberBounds(1.5, { integer: true })).toBe('Must be a whole number');
    expect(checkNumberBounds(50, { min: 1, max: 100, integer: true })).toBeUndefined();
    expect(checkNumberBounds(-3)).toBeUndefined();
  });

  it('refuses what is not a number with a message, never an empty value or 0', () => {
    expect(parseNumberInput({ text: '', badInput: true })).toEqual({ error: 'Must be a number' });
    expect(parseNumberInput({ text: '   ' })).toEqual({ error: 'Must be a number' });
    expect(parseNumberInput({ text: 'soon' })).toEqual({ error: 'Must be a number' });
    // JSON cannot carry it: it would be saved as null, the default.
    expect(parseNumberInput({ text: 'Infinity' })).toEqual({ error: 'Must be a number' });
    expect(parseNumberInput({ text: ' 42 ' })).toEqual({ value: 42 });
    expect(parseNumberInput({ text: '-1' }, { min: 0 })).toEqual({ error: 'Must be 0 or more' });
  });

  it('takes the words a number setting also accepts, and says which', () => {
    const lifetime = { min: 0, allowedText: ['Infinity'] };
    expect(parseNumberInput({ text: 'Infinity' }, lifetime)).toEqual({ value: 'Infinity' });
    expect(parseNumberInput({ text: 'forever' }, lifetime)).toEqual({ error: 'Must be a number or "Infinity"' });
    expect(parseNumberInput({ text: '5000' }, lifetime)).toEqual({ value: 5000 });
  });

  it('checks JSON and select values', () => {
    expect(checkJson('{"a":')).toMatch(/^Must be valid JSON \(invalid JSON syntax: .+\)$/);
    expect(checkJson('{"a":1}')).toBeUndefined();
    expect(checkJson('  ')).toBeUndefined();
    expect(checkOption({ options: ['red', 'blue'], optionLabels: { red: 'Red' } }, 'green')).toBe('Must be one of: Red, blue');
    expect(checkOption({ options: ['red'] }, 'red')).toBeUndefined();
  });
});
