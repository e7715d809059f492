import type { FleetSummary, RejectedEntry } from '../store/types';

/** Text for HTML (content and attribute values). Pure. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const WIDTH = 640;

/** Horizontal bars, one per row, labelled, scaled to the largest value (or to `max`). Pure. */
export function barChart(title: string, rows: Array<{ label: string; value: number; text?: string }>, max?: number): string {
  if (rows.length === 0) return `<figure><figcaption>${escapeHtml(title)}</figcaption><p class="empty">No data yet.</p></figure>`;
  const rowHeight = 22;
  const labelWidth = 220;
  const top = Math.max(max ?? 0, ...rows.map((r) => r.value), 1);
  const height = rows.length * rowHeight + 4;
  const bars = rows
    .map((row, i) => {
      const y = i * rowHeight + 2;
      const w = Math.max(0, Math.round(((WIDTH - labelWidth - 120) * row.value) / top));
      return (
        `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(row.label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 6}" class="bar"><title>${escapeHtml(row.label)}: ${escapeHtml(row.text ?? row.value)}</title></rect>` +
        `<text x="${labelWidth + w + 6}" y="${y + 15}">${escapeHtml(row.text ?? row.value)}</text>`
      );
    })
    .join('');
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg role="img" aria-label="${escapeHtml(title)}" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">${bars}</svg></figure>`;
}

/** Columns over days (deployments reporting per UTC day), with the first and last day labelled. Pure. */
export function timelineChart(title: string, days: FleetSummary['timeline']): string {
  if (days.length === 0) return `<figure><figcaption>${escapeHtml(title)}</figcaption><p class="empty">No data yet.</p></figure>`;
  const height = 160;
  const plot = height - 30;
  const top = Math.max(1, ...days.map((d) => d.deployments));
  const step = WIDTH / days.length;
  const columns = days
    .map((d, i) => {
      const h = Math.round((plot * d.deployments) / top);
      return `<rect x="${(i * step + 1).toFixed(1)}" y="${plot - h + 10}" width="${Math.max(1, step - 2).toFixed(1)}" height="${h}" class="bar"><title>${escapeHtml(d.day)}: ${d.deployments} deployments, ${d.reports} reports</title></rect>`;
    })
    .join('');
  const labels =
    `<text x="0" y="${height - 4}">${escapeHtml(days[0].day)}</text>` +
    (days.length > 1 ? `<text x="${WIDTH}" y="${height - 4}" text-anchor="end">${escapeHtml(days[days.length - 1].day)}</text>` : '') +
    `<text x="${WIDTH}" y="10" text-anchor="end">max ${top}</text>`;
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg role="img" aria-label="${escapeHtml(title)}" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">${columns}${labels}</svg></figure>`;
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1c21;max-width:60rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}figure{margin:1rem 0}figcaption{font-weight:600;margin-bottom:.4rem}
svg text{font-size:12px;fill:#343741}.bar{fill:#006bb8}.empty{color:#69707d}
dl.totals{display:flex;gap:2rem}dl.totals div{display:flex;flex-direction:column-reverse}dt{color:#69707d}dd{margin:0;font-size:1.6rem;font-weight:600}
table{border-collapse:collapse;font-size:.9rem}td,th{border-bottom:1px solid #d3dae6;padding:.3rem .6rem;text-align:left;vertical-align:top}code{font-size:.85rem}`;

/**
 * The fleet page: totals, deployments reporting per day, versions, per-collector field coverage, plugin
 * adoption, and the latest rejected reports. No script and no external asset (CSP `default-src 'none'`). Pure.
 */
export function renderFleetPage(summary: FleetSummary, rejected: RejectedEntry[], now: Date): string {
  const totals = [
    ['Deployments', summary.deployments],
    ['Reports', summary.reports],
    ['Opted in', summary.optedIn],
    ['Rejected', summary.rejected],
  ]
    .map(([label, value]) => `<div><dt>${escapeHtml(label)}</dt><dd data-total="${escapeHtml(String(label).toLowerCase().replace(' ', '_'))}">${escapeHtml(value)}</dd></div>`)
    .join('');
  const versions = Object.entries(summary.versions)
    .sort(([, a], [, b]) => b - a)
    .map(([label, value]) => ({ label, value }));
  const coverage = Object.entries(summary.collectors).map(([label, c]) => ({
    label,
    value: c.coverage === null ? 0 : c.coverage * 100,
    text: c.coverage === null ? `${c.fieldsSeen} field${c.fieldsSeen === 1 ? '' : 's'} seen (no static schema)` : `${Math.round(c.coverage * 100)}% (${c.fieldsSeen}/${c.declaredFields})`,
  }));
  const adoption = Object.entries(summary.plugins)
    .sort(([, a], [, b]) => b.deployments - a.deployments)
    .map(([label, p]) => ({ label, value: p.deployments, text: `${p.deployments} (${Math.round(p.share * 100)}%)` }));
  const rows = rejected
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.receivedAt)}</td><td><code>${escapeHtml(r.clusterUuid)}</code></td><td><code>${escapeHtml(r.path)}</code></td><td>${escapeHtml(r.reason)}</td></tr>`
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Telemetry fleet</title><style>${STYLE}</style></head>
<body><main>
<h1>Telemetry fleet</h1>
<p>As of ${escapeHtml(now.toISOString())}. Figures are aggregated in the receiver's store; JSON at <code>/api/fleet/summary</code>.</p>
<dl class="totals">${totals}</dl>
<h2>Deployments over time</h2>
${timelineChart('Deployments reporting per day (UTC, by report timestamp)', summary.timeline)}
<h2>Versions</h2>
${barChart('Deployments by version of their latest report', versions)}
<h2>Collector coverage</h2>
${barChart('Declared fields seen in at least one report, per collector', coverage, 100)}
<h2>Plugin adoption</h2>
${barChart('Deployments whose latest report carries the collector', adoption)}
<h2>Rejected reports</h2>
${rows ? `<table><thead><tr><th>Received</th><th>Cluster</th><th>Field</th><th>Reason</th></tr></thead><tbody>${rows}</tbody></table>` : '<p class="empty">None.</p>'}
</main></body></html>
`;
}
