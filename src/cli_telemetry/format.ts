/*
 * What the CLI prints by default: plain-text tables for people. Pure functions of the server's answers.
 */

/** `1.2 KB`, `3.4 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** Cuts a cell to `max` characters. */
const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
/** Cuts a path from the left: its end names the value. */
const cutPath = (path: string, max: number) => (path.length <= max ? path : `…${path.slice(path.length - max + 1)}`);

/** Left-aligned columns separated by two spaces; the header row first. */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

/** Two columns, label and value, without a header. */
export function formatPairs(pairs: Array<[string, string]>): string {
  const width = Math.max(...pairs.map(([label]) => label.length));
  return pairs.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

export interface StateBody {
  optIn: boolean | null;
  level?: string;
  allowChangingOptInStatus: boolean;
  lockedBy?: string;
  sendUsageFrom?: string;
}

export function formatStatus(state: StateBody): string {
  const optIn = state.optIn === true ? 'opted in' : state.optIn === false ? 'opted out' : 'undecided (nothing is sent until an admin opts in)';
  const locked = state.allowChangingOptInStatus ? 'no' : `yes, by ${(state.lockedBy ?? 'config').replace('_', ' ')}`;
  return formatPairs([
    ['Telemetry', optIn],
    ['Level', state.level ?? 'unknown'],
    ['Locked', locked],
    ['Sent from', state.sendUsageFrom ?? 'server'],
  ]);
}

export interface EntryBody {
  id: string;
  generatedAt: string;
  status: string;
  level: string;
  destination: string | null;
  sizeBytes: number;
  sha256: string;
  trigger?: string;
  error?: string;
}

/** The ledger entries as a table (newest first, as the server lists them). */
export function formatEntries(entries: EntryBody[]): string {
  if (entries.length === 0) return 'No reports yet.';
  const rows = entries.map((e) => [
    e.id,
    e.generatedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
    e.status,
    e.level,
    formatBytes(e.sizeBytes),
    e.sha256.slice(0, 12),
    e.destination ? cut(e.destination, 48) : '(kept, not sent)',
  ]);
  const errors = entries.filter((e) => e.error).map((e) => `${e.id}: ${e.error}`);
  return [formatTable(['ID', 'GENERATED', 'STATUS', 'LEVEL', 'SIZE', 'SHA256', 'DESTINATION'], rows), ...errors].join('\n');
}

/** A value of a change, as compact JSON, cut to fit a column. */
const cell = (present: boolean, value: unknown) => (present ? cut(JSON.stringify(value) ?? 'null', 40) : '-');

export interface DiffBody {
  id: string;
  against: string | null;
  changes: Array<{ path: string; kind: string; before?: unknown; after?: unknown }>;
  truncated: boolean;
  maxChanges?: number;
}

export function formatDiff(diff: DiffBody): string {
  if (diff.against === null) return `${diff.id} is the first report of its cluster: nothing to compare it with.`;
  const count = `${diff.changes.length}${diff.truncated ? '+' : ''} change${diff.changes.length === 1 ? '' : 's'}`;
  const title = `${diff.id} against ${diff.against}: ${diff.changes.length === 0 ? 'no changes' : count}`;
  if (diff.changes.length === 0) return title;
  const rows = diff.changes.map((c) => [c.kind, cutPath(c.path, 70), cell('before' in c, c.before), cell('after' in c, c.after)]);
  const more = diff.truncated ? [`(only the first ${diff.maxChanges ?? diff.changes.length} changes are shown)`] : [];
  return [title, formatTable(['CHANGE', 'PATH', 'BEFORE', 'AFTER'], rows), ...more].join('\n');
}

/** Sections of a report and their size: the top level, and each collector under `plugins`. */
export function reportSections(report: Record<string, unknown>): Array<[string, number]> {
  const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '');
  const sections: Array<[string, number]> = [];
  for (const [key, value] of Object.entries(report)) {
    const osd = key === 'stack_stats' ? (value as any)?.opensearch_dashboards : undefined;
    if (osd && typeof osd.plugins === 'object' && osd.plugins !== null) {
      const { plugins, ...rest } = osd;
      sections.push(['stack_stats.opensearch_dashboards (without plugins)', size(rest)]);
      for (const [name, data] of Object.entries(plugins as Record<string, unknown>)) sections.push([`  plugins.${name}`, size(data)]);
    } else {
      sections.push([key, size(value)]);
    }
  }
  return sections;
}

export function formatPreview(reports: Array<Record<string, any>>, state: StateBody): string {
  if (reports.length === 0) return 'No report: no cluster to report on.';
  const level =
    state.optIn === true
      ? `level ${state.level}, as it would be sent`
      : `level full: what an opt-in would send (telemetry is ${state.optIn === false ? 'opted out' : 'undecided'}; nothing is sent)`;
  const blocks = reports.map((report) => {
    const head = `Cluster ${report.cluster_uuid} (${report.cluster_name}), version ${report.version}, ${formatBytes(Buffer.byteLength(JSON.stringify(report)))}, ${level}`;
    const rows = reportSections(report).map(([name, bytes]) => [name, formatBytes(bytes)]);
    return `${head}\n${formatTable(['SECTION', 'SIZE'], rows)}`;
  });
  return [...blocks, '(--json prints the whole report)'].join('\n\n');
}
