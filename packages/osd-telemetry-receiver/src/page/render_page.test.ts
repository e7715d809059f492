import type { FleetSummary } from '../store/types';
import { barChart, escapeHtml, renderFleetPage } from './render_page';

const summary: FleetSummary = {
  deployments: 2,
  reports: 5,
  rejected: 1,
  optedIn: 2,
  versions: { '2.19.0': 1, '2.18.0': 1 },
  collectors: { csp: { reports: 5, declaredFields: 3, fieldsSeen: 3, coverage: 1, meanFieldsPerReport: 3 } },
  plugins: { csp: { deployments: 2, share: 1 } },
  timeline: [
    { day: '2026-03-01', deployments: 1, reports: 1 },
    { day: '2026-03-02', deployments: 2, reports: 4 },
  ],
};

describe('renderFleetPage', () => {
  it('charts the fleet with inline SVG and no script or external asset', () => {
    const html = renderFleetPage(summary, [], new Date('2026-03-03T00:00:00Z'));
    expect(html).toContain('<dd data-total="deployments">2</dd>');
    expect(html).toContain('<dd data-total="rejected">1</dd>');
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html).toContain('<title>2026-03-02: 2 deployments, 4 reports</title>');
    expect(html).toContain('100% (3/3)');
    // The only link is the empty inline icon (it spares the browser a favicon request).
    expect(html).not.toMatch(/<script|src=|href="(?!data:,")/);
  });

  it('escapes what reports carry (versions, paths, reasons)', () => {
    const hostile = { ...summary, versions: { '<img onerror=x>': 1 } };
    const html = renderFleetPage(hostile, [{ id: 1, clusterUuid: 'c', timestamp: 't', receivedAt: 'r', source: 'http', path: 'a.<b>', reason: '"x" & <y>' }], new Date(0));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img onerror=x&gt;');
    expect(html).toContain('<code>a.&lt;b&gt;</code>');
    expect(html).toContain('&quot;x&quot; &amp; &lt;y&gt;');
  });

  it('says when there is no data yet', () => {
    expect(barChart('Versions', [])).toContain('No data yet.');
    expect(escapeHtml("'")).toBe('&#39;');
  });
});
