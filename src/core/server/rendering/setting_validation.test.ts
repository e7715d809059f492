import { schema } from '@osd/config-schema';
import { createValidationLookup, deriveSettingValidation, withValidation } from './setting_validation';
import { pageUiSettings } from './ui_settings';

describe("the browser's checks, derived from a setting's schema", () => {
  it('reads number bounds, and the words a number setting also takes', () => {
    expect(deriveSettingValidation(schema.number({ min: 1, max: 100 }))).toEqual({ min: 1, max: 100 });
    expect(deriveSettingValidation(schema.oneOf([schema.number({ min: 0 }), schema.literal('Infinity')]))).toEqual({ min: 0, allowedText: ['Infinity'] });
    expect(deriveSettingValidation(schema.number())).toBeUndefined();
  });

  it('leaves what a schema cannot describe to the server', () => {
    expect(deriveSettingValidation(schema.string({ maxLength: 40 }))).toBeUndefined();
    expect(deriveSettingValidation(schema.string({ validate: () => 'never' }))).toBeUndefined();
    expect(deriveSettingValidation(schema.boolean())).toBeUndefined();
    expect(deriveSettingValidation(schema.oneOf([schema.number(), schema.string()]))).toBeUndefined();
  });

  it("attaches them to the page's settings, deriving each once", () => {
    const getSettings = jest.fn(() => pageUiSettings('/app/home'));
    const lookup = createValidationLookup(getSettings);
    expect(lookup()).toEqual({
      'notifications:lifetime:error': { min: 0, allowedText: ['Infinity'] },
      'notifications:lifetime:warning': { min: 0, allowedText: ['Infinity'] },
      'notifications:lifetime:info': { min: 0, allowedText: ['Infinity'] },
    });
    lookup();
    expect(getSettings).toHaveBeenCalledTimes(1);
    const page = withValidation({ 'notifications:lifetime:info': { value: 5000 }, defaultRoute: { value: '/app/home' } }, lookup());
    expect(page).toEqual({
      'notifications:lifetime:info': { value: 5000, validation: { min: 0, allowedText: ['Infinity'] } },
      defaultRoute: { value: '/app/home' },
    });
  });
});
