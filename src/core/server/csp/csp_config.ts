import { cspConfig, CspConfigType, DEFAULT_CSP_RULES } from './config';

/** The Content Security Policy of every page, as plugins see it on `core.http.csp`. */
export interface ICspConfig {
  /** The directives, in order. */
  readonly rules: readonly string[];
  /** Whether browsers that do not enforce CSP are refused (`csp.strict`). */
  readonly strict: boolean;
  /** Whether browsers that do not enforce CSP are warned (`csp.warnLegacyBrowsers`). */
  readonly warnLegacyBrowsers: boolean;
  /** The `Content-Security-Policy` header value built from `rules`. */
  readonly header: string;
  /**
   * Whether `csp.rules` differs from the default policy. Telemetry reports this flag, never the rules: custom
   * rules may carry URLs that identify an install.
   */
  readonly rulesChangedFromDefault: boolean;
}

const DEFAULT_HEADER = DEFAULT_CSP_RULES.join('; ');

/** The CSP config with its header built once; `new CspConfig()` is the default policy. */
export class CspConfig implements ICspConfig {
  static readonly DEFAULT = new CspConfig();

  public readonly rules: readonly string[];
  public readonly strict: boolean;
  public readonly warnLegacyBrowsers: boolean;
  public readonly header: string;
  public readonly rulesChangedFromDefault: boolean;

  /** Takes the validated `csp.*` config; missing keys take their defaults. */
  constructor(raw: Partial<CspConfigType> = {}) {
    const source = { ...cspConfig.schema.validate({}), ...raw };
    this.rules = Object.freeze(source.rules.map((rule) => rule.trim()));
    this.strict = source.strict;
    this.warnLegacyBrowsers = source.warnLegacyBrowsers;
    this.header = this.rules.join('; ');
    this.rulesChangedFromDefault = this.header !== DEFAULT_HEADER;
  }
}
