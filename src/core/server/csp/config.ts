import { schema, TypeOf } from '@osd/config-schema';

/** Upstream OSD 2.x's default policy: the browser bundle needs `'unsafe-eval'`, OUI injects inline styles. */
export const DEFAULT_CSP_RULES: readonly string[] = Object.freeze([
  `script-src 'unsafe-eval' 'self'`,
  `worker-src blob: 'self'`,
  `style-src 'unsafe-inline' 'self'`,
]);

/**
 * A rule is one directive: a name, then its sources. Rules are joined with `; ` into a response header, so a
 * control character (a line break above all) would make every page answer fail; refuse it at start instead.
 */
export function validateCspRule(rule: string): string | void {
  if (rule.trim() === '') return 'a rule must not be empty';
  // Printable ASCII only: what a header value may carry without being mangled.
  if (/[^\x20-\x7e]/.test(rule)) return `rule [${rule}] must be printable ASCII (no line breaks or control characters)`;
  if (!/^\s*[a-zA-Z][a-zA-Z-]*(\s|$)/.test(rule)) return `rule [${rule}] must start with a directive name, such as script-src`;
}

/** `csp.*`, upstream's keys and defaults (OSD 2.x: `strict` off, legacy-browser warning on). */
export const cspConfig = {
  path: 'csp',
  schema: schema.object({
    rules: schema.arrayOf(schema.string({ validate: validateCspRule }), { defaultValue: [...DEFAULT_CSP_RULES] }),
    strict: schema.boolean({ defaultValue: false }),
    warnLegacyBrowsers: schema.boolean({ defaultValue: true }),
  }),
};

export type CspConfigType = TypeOf<typeof cspConfig.schema>;
