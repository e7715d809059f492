import React, { useMemo, useState } from 'react';
import { toLines, visibleLineRange } from '../lib/report_history_logic';

export interface VirtualTextProps {
  text: string;
  /** Names the scrollable region for screen readers. */
  label: string;
  height?: number;
  'data-test-subj'?: string;
}

const LINE_HEIGHT = 18;

/**
 * A long text (a pretty-printed report of megabytes) in a scrolled box that renders only the lines in view:
 * the page stays responsive whatever the length. Lines are not wrapped, so every line has the same height.
 */
export function VirtualText({ text, label, height = 480, ...rest }: VirtualTextProps) {
  const lines = useMemo(() => toLines(text), [text]);
  const [scrollTop, setScrollTop] = useState(0);
  const { start, end } = visibleLineRange({ scrollTop, viewHeight: height, lineHeight: LINE_HEIGHT, lineCount: lines.length });
  return (
    // Focusable and named: a keyboard user must be able to scroll it (WCAG 2.1.1).
    <div
      tabIndex={0}
      role="region"
      aria-label={label}
      data-test-subj={rest['data-test-subj']}
      data-line-count={lines.length}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      style={{ height, overflow: 'auto', position: 'relative', background: '#f5f7fa', border: '1px solid #d3dae6', borderRadius: 4 }}
    >
      <div style={{ height: lines.length * LINE_HEIGHT + 16, position: 'relative' }}>
        <pre
          style={{
            position: 'absolute',
            top: start * LINE_HEIGHT + 8,
            left: 0,
            margin: 0,
            padding: '0 12px',
            fontSize: 12,
            lineHeight: `${LINE_HEIGHT}px`,
            whiteSpace: 'pre',
            color: '#343741',
          }}
        >
          {lines.slice(start, end).join('\n')}
        </pre>
      </div>
    </div>
  );
}
