import type { ReportDiff, ReportSummary } from '../../../telemetry/common/report_history';
import { attachmentFileName, changeLine, diffLines, diffSummary, prettyPrintJson, reportFileName, toReportRow, visibleLineRange } from './report_history_logic';

const entry: ReportSummary = {
  id: 'lq3x9a-0a1b2c3d',
  generatedAt: '2026-03-01T12:00:00.000Z',
  status: 'sent',
  level: 'full',
  destination: 'http://127.0.0.1:9/send',
  sizeBytes: 1536,
  sha256: 'abcdef0123456789'.repeat(4),
  clusterUuid: 'c1',
  encrypted: false,
  trigger: 'schedule',
};

describe('report history logic', () => {
  it('makes a row: the time through the formatter, the size readable, 8 characters of the hash', () => {
    const formatDate = jest.fn((iso: string) => `formatted ${iso}`);
    expect(toReportRow(entry, formatDate)).toEqual({
      id: entry.id,
      time: 'formatted 2026-03-01T12:00:00.000Z',
      status: 'sent',
      level: 'full',
      size: '1.5 KB',
      shortSha: 'abcdef01',
      sha256: entry.sha256,
    });
  });

  it('writes each kind of change as one line, and says when the diff was cut', () => {
    expect(changeLine({ path: '/a', kind: 'added', after: { x: 1 } })).toBe('+ /a: {"x":1}');
    expect(changeLine({ path: '/b', kind: 'removed', before: 'y' })).toBe('- /b: "y"');
    expect(changeLine({ path: '/c', kind: 'changed', before: 1, after: 2 })).toBe('~ /c: 1 → 2');
    const diff: ReportDiff = { id: 'b', against: 'a', changes: [{ path: '/c', kind: 'changed', before: 1, after: 2 }], truncated: true, maxChanges: 1 };
    expect(diffLines(diff)).toEqual(['~ /c: 1 → 2', '… more changes than 1: only the first 1 are shown']);
    expect(diffSummary(diff)).toBe('More than 1 changes since report a.');
    expect(diffSummary({ ...diff, truncated: false })).toBe('1 change since report a.');
    expect(diffSummary({ ...diff, changes: [], truncated: false })).toBe('No change since report a.');
    expect(diffSummary({ ...diff, against: null, changes: [] })).toMatch(/^This is the oldest report kept/);
  });

  it('renders only the lines in view plus an overscan, at any scroll position', () => {
    const view = { viewHeight: 400, lineHeight: 20, lineCount: 50000 };
    expect(visibleLineRange({ ...view, scrollTop: 0 })).toEqual({ start: 0, end: 41 });
    expect(visibleLineRange({ ...view, scrollTop: 20000 })).toEqual({ start: 980, end: 1041 });
    expect(visibleLineRange({ ...view, scrollTop: 10_000_000 })).toEqual({ start: 50000, end: 50000 });
    expect(visibleLineRange({ ...view, lineCount: 3, scrollTop: -5 })).toEqual({ start: 0, end: 3 });
  });

  it('names downloads', () => {
    expect(reportFileName('lq3x9a-0a1b2c3d')).toBe('telemetry-report-lq3x9a-0a1b2c3d.json');
    expect(reportFileName('../x')).toBe('telemetry-report-.._x.json');
    expect(attachmentFileName('attachment; filename="osd-telemetry-export-20260301T120000Z.json"', 'f.json')).toBe('osd-telemetry-export-20260301T120000Z.json');
    expect(attachmentFileName(null, 'f.json')).toBe('f.json');
  });
});

describe('prettyPrintJson', () => {
  it('indents as JSON.stringify(value, null, 2) does for what the server writes', () => {
    const value = { a: 1, b: [1, 'x', { c: null, d: [] }, {}], e: { f: true, g: -2.5e-7 }, 'h:i': 'a,b{c}[d]"e"\\f' };
    const text = JSON.stringify(value);
    expect(prettyPrintJson(text)).toBe(JSON.stringify(value, null, 2));
    expect(prettyPrintJson('[]')).toBe('[]');
    expect(prettyPrintJson('"just a string"')).toBe('"just a string"');
  });

  it('keeps every token as written: numbers are not re-read, strings not re-escaped', () => {
    expect(prettyPrintJson('{"big":12345678901234567890,"f":1.0,"u":"\\u00e9\\"}"}')).toBe('{\n  "big": 12345678901234567890,\n  "f": 1.0,\n  "u": "\\u00e9\\"}"\n}');
  });

  it('replaces the whitespace of an already indented text', () => {
    expect(prettyPrintJson('{\n    "a" :  [ 1 ,\t2 ],\r\n "b": { } }')).toBe('{\n  "a": [\n    1,\n    2\n  ],\n  "b": {}\n}');
  });
});
