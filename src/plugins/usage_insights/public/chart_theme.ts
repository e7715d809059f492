/*
 * The chart colours: OUI's theme tokens (values of `euiTextColor`, `euiTextSubduedColor`, `euiBorderColor`,
 * `euiColorSuccess`, `euiColorDanger` and `euiColorMediumShade` in oui_theme_light.json / oui_theme_dark.json,
 * copied rather than imported: the token files are 45 KB each) and OUI's colour-blind-safe palette, so the
 * charts match the page in the light and the dark theme.
 */
const LIGHT = { text: '#343741', subdued: '#6a717d', border: '#D3DAE6', success: '#017D73', danger: '#BD271E', medium: '#98A2B3' };
const DARK = { text: '#DFE5EF', subdued: '#98A2B3', border: '#343741', success: '#7DE2D1', danger: '#FF6666', medium: '#535966' };

export interface ChartTheme {
  dark: boolean;
  text: string;
  subdued: string;
  border: string;
  /** Report statuses: sent, failed, generated (kept, never sent). */
  status: { sent: string; failed: string; generated: string };
  palette: string[];
}

export function chartTheme(dark: boolean, palette: string[]): ChartTheme {
  // Dark subdued text uses the medium shade: the dark theme's own subdued token is too faint on a chart axis.
  const t = dark ? DARK : LIGHT;
  return { dark, text: t.text, subdued: t.subdued, border: t.border, status: { sent: t.success, failed: t.danger, generated: t.medium }, palette };
}
