import type { InjectedMetadata } from '../../public/injected_metadata/types';

export interface TemplateParams {
  metadata: InjectedMetadata;
  /** `<basePath>/ui/bundles/<buildHash>`. */
  bundlesUrl: string;
  faviconUrl: string;
  hasCss: boolean;
  /** Chunks `osd.js` imports statically, fetched beside it (`modulepreload`) instead of after it is parsed. */
  preloadScripts?: string[];
  /** The OUI theme stylesheet in the bundle folder (`oui_light.css` / `oui_dark.css`), linked before `osd.css`. */
  themeCss?: string;
  /** `theme:darkMode` of the page's caller: the loading screen takes the dark colours too. */
  darkMode?: boolean;
}

/** Loading-screen colours (text, page, bar track, bar) of OUI's light and dark themes. */
const LOADER_COLOURS = {
  light: { text: '#69707d', page: '#fafbfd', track: '#d3dae6', bar: '#006bb4' },
  dark: { text: '#98a2b3', page: '#1d1e24', track: '#343741', bar: '#1ba9f5' },
};

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML attribute or element body. */
export function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * The page every app URL answers with: the metadata as JSON in `<osd-injected-metadata data="...">`, the
 * bundle, and a loading message that the browser code replaces once it runs.
 */
export function renderTemplate({ metadata, bundlesUrl, faviconUrl, hasCss, preloadScripts = [], themeCss, darkMode = false }: TemplateParams) {
  const colours = LOADER_COLOURS[darkMode ? 'dark' : 'light'];
  return `<!DOCTYPE html>
<html lang="en" data-osd-theme="${darkMode ? 'dark' : 'light'}">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1" />
    <meta name="viewport" content="width=device-width" />
    <title>OpenSearch Dashboards</title>
    <link rel="icon" type="image/svg+xml" href="${escapeHtml(faviconUrl)}" />
    ${themeCss ? `<link rel="stylesheet" data-osd-theme-css href="${escapeHtml(bundlesUrl)}/${escapeHtml(themeCss)}" />` : ''}
    ${hasCss ? `<link rel="stylesheet" href="${escapeHtml(bundlesUrl)}/osd.css" />` : ''}
    ${preloadScripts.map((name) => `<link rel="modulepreload" href="${escapeHtml(bundlesUrl)}/${escapeHtml(name)}" />`).join('\n    ')}
    <style>
      /* After osd.css, so the page colour follows the theme over core's light default. */
      html, body { background-color: ${colours.page}; }
      .osdLoader { display: flex; flex-direction: column; align-items: center; justify-content: center; height: 100vh;
        font-family: 'Inter UI', -apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif; color: ${colours.text}; }
      .osdLoader__bar { width: 160px; height: 4px; margin-top: 16px; background: ${colours.track}; overflow: hidden; border-radius: 2px; }
      .osdLoader__bar::after { content: ''; display: block; width: 40%; height: 100%; background: ${colours.bar}; animation: osdLoad 1s infinite linear; }
      @keyframes osdLoad { from { transform: translateX(-100%); } to { transform: translateX(250%); } }
    </style>
  </head>
  <body>
    <osd-injected-metadata data="${escapeHtml(JSON.stringify(metadata))}"></osd-injected-metadata>
    <div id="osd_app_root" data-test-subj="osdRoot">
      <div class="osdLoader" data-test-subj="osdLoadingMessage">
        <div>Loading OpenSearch Dashboards</div>
        <div class="osdLoader__bar"></div>
      </div>
    </div>
    <noscript>OpenSearch Dashboards needs JavaScript: enable it in your browser and reload the page.</noscript>
    <!-- An ES module (deferred like any module script): it loads each app's chunk with import() when needed. -->
    <script type="module" src="${escapeHtml(bundlesUrl)}/osd.js"></script>
  </body>
</html>
`;
}

/** The tab icon: a simple mark in OpenSearch's colours. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<circle cx="32" cy="32" r="30" fill="#003b5c"/>
<path d="M46 18a24 24 0 0 1-24 24" stroke="#00a3e0" stroke-width="8" fill="none" stroke-linecap="round"/>
<path d="M18 46a24 24 0 0 1 24-24" stroke="#ffffff" stroke-width="8" fill="none" stroke-linecap="round" opacity="0.85"/>
</svg>
`;
