/*
 * Pure pieces of the "Report history" view: what a row shows, how a diff reads as text, the window of lines
 * a long text view renders, and the download names.
 */
import type { ReportChange, ReportDiff, ReportSummary } from '../../../telemetry/common/report_history';
import { formatBytes } from './section_logic';

/** Characters of the SHA-256 a row shows. */
export const SHORT_SHA_LENGTH = 8;

export interface ReportRow {
  id: string;
  time: string;
  status: ReportSummary['status'];
  level: ReportSummary['level'];
  size: string;
  shortSha: string;
  sha256: string;
}

/** A row of the table, the time through the user's date format (`formatDate`). Pure. */
export function toReportRow(entry: ReportSummary, formatDate: (iso: string) => string): ReportRow {
  return {
    id: entry.id,
    time: formatDate(entry.generatedAt),
    status: entry.status,
    level: entry.level,
    size: formatBytes(entry.sizeBytes),
    shortSha: entry.sha256.slice(0, SHORT_SHA_LENGTH),
    sha256: entry.sha256,
  };
}

/** What a status reads as, and its colour (OUI health colours). */
export const STATUS_DISPLAY: Record<ReportSummary['status'], { label: string; color: 'success' | 'danger' | 'subdued' }> = {
  sent: { label: 'Sent', color: 'success' },
  failed: { label: 'Failed', color: 'danger' },
  generated: { label: 'Generated (not sent)', color: 'subdued' },
};

const show = (value: unknown) => (value === undefined ? '' : JSON.stringify(value));

/** One change as one line: `~ /path: before → after`, `+ /path: after`, `- /path: before`. Pure. */
export function changeLine({ path, kind, before, after }: ReportChange): string {
  if (kind === 'added') return `+ ${path}: ${show(after)}`;
  if (kind === 'removed') return `- ${path}: ${show(before)}`;
  return `~ ${path}: ${show(before)} → ${show(after)}`;
}

/** The diff as lines of text, with a last line when it was cut at its limit. Pure. */
export function diffLines(diff: ReportDiff): string[] {
  const lines = diff.changes.map(changeLine);
  if (diff.truncated) lines.push(`… more changes than ${diff.maxChanges}: only the first ${diff.maxChanges} are shown`);
  return lines;
}

/** What the diff tab says above the changes. Pure. */
export function diffSummary(diff: ReportDiff): string {
  if (diff.against === null) return 'This is the oldest report kept for its cluster: there is nothing to compare it with.';
  if (diff.changes.length === 0) return `No change since report ${diff.against}.`;
  const count = diff.truncated ? `More than ${diff.maxChanges} changes` : `${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'}`;
  return `${count} since report ${diff.against}.`;
}

/** The lines of a text, split once (a 1 MB report pretty-printed is tens of thousands of lines). Pure. */
export function toLines(text: string): string[] {
  return text.split('\n');
}

/**
 * The lines a scrolled view must render: those in view and `overscan` on either side, so a report of
 * any length renders a few dozen lines at a time. Pure.
 */
export function visibleLineRange(
  { scrollTop, viewHeight, lineHeight, lineCount }: { scrollTop: number; viewHeight: number; lineHeight: number; lineCount: number },
  overscan = 20
): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / lineHeight);
  const inView = Math.ceil(viewHeight / lineHeight) + 1;
  const start = Math.max(0, Math.min(lineCount, first - overscan));
  const end = Math.max(start, Math.min(lineCount, first + inView + overscan));
  return { start, end };
}

/** `telemetry-report-<id>.json`: the name a downloaded report is saved as (the id is the ledger's, safe in a name). Pure. */
export function reportFileName(id: string): string {
  return `telemetry-report-${id.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`;
}

/** The file name of a `Content-Disposition: attachment; filename="..."` header, or `fallback`. Pure. */
export function attachmentFileName(header: string | null | undefined, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(header ?? '') ?? /filename=([^;\s]+)/.exec(header ?? '');
  return match ? match[1] : fallback;
}

/**
 * JSON text indented by `indent` spaces, every token kept as written (numbers are not re-read, so a
 * value like `1.0` or a 20-digit integer shows as the report has it). Whitespace outside strings is
 * replaced; anything else is copied. Linear in the text's length. Pure.
 */
export function prettyPrintJson(text: string, indent = 2): string {
  const out: string[] = [];
  let depth = 0;
  let inString = false;
  let tokenStart = -1;
  const newline = () => out.push('\n', ' '.repeat(depth * indent));
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') {
        inString = false;
        out.push(text.slice(tokenStart, i + 1));
      }
      continue;
    }
    switch (ch) {
      case '"':
        inString = true;
        tokenStart = i;
        break;
      case '{':
      case '[': {
        // An empty object or array stays on one line.
        let j = i + 1;
        while (j < text.length && /\s/.test(text[j])) j++;
        const close = ch === '{' ? '}' : ']';
        if (text[j] === close) {
          out.push(ch, close);
          i = j;
        } else {
          out.push(ch);
          depth++;
          newline();
        }
        break;
      }
      case '}':
      case ']':
        depth = Math.max(0, depth - 1);
        newline();
        out.push(ch);
        break;
      case ',':
        out.push(',');
        newline();
        break;
      case ':':
        out.push(': ');
        break;
      case ' ':
      case '\t':
      case '\n':
      case '\r':
        break;
      default:
        out.push(ch);
    }
  }
  // An unterminated string is shown as it was.
  if (inString) out.push(text.slice(tokenStart));
  return out.join('');
}
