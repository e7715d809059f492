import { CATEGORY_SENT_AT, DYNAMIC_KEY } from './constants';
import type { SchemaTree } from './schema_tree';
import type { ParsedCollector } from './ts_parser';

/** One reportable field. */
export interface DictionaryRow {
  field: string;
  type: string;
  description?: string;
}

/** Every node of a schema that a report can hold, depth first: leaves, arrays, and documented objects. */
export function dictionaryRows(node: SchemaTree, field: string, rows: DictionaryRow[] = []): DictionaryRow[] {
  const description = node.meta?.description;
  if (node.kind === 'leaf') {
    rows.push({ field, type: node.type, description });
  } else if (node.kind === 'array') {
    const itemType = node.items.kind === 'leaf' ? node.items.type : 'object';
    rows.push({ field, type: `array of ${itemType}`, description });
    if (node.items.kind === 'leaf') {
      if (node.items.meta?.description) rows.push({ field: `${field}[]`, type: itemType, description: node.items.meta.description });
    } else {
      dictionaryRows(node.items, `${field}[]`, rows);
    }
  } else {
    if (description) rows.push({ field, type: 'object', description });
    for (const [key, child] of Object.entries(node.fields)) {
      dictionaryRows(child, `${field}.${key === DYNAMIC_KEY ? '*' : key}`, rows);
    }
  }
  return rows;
}

/** The category as the summary table shows it. */
export const categoryCell = (collector: Pick<ParsedCollector, 'category'>) => collector.category ?? 'usage (undeclared)';

/** The category line of a collector's section: what it is and at which consent levels it is sent. */
export const categoryLine = (collector: Pick<ParsedCollector, 'category'>) =>
  collector.category
    ? `Category: ${collector.category} — ${CATEGORY_SENT_AT[collector.category]}.`
    : `Category: none declared — counts as usage, ${CATEGORY_SENT_AT.usage}.`;

const cell = (text: string) => text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
const anchor = (name: string) => name.toLowerCase().replace(/[^a-z0-9_ -]/g, '').replace(/ /g, '-');

/**
 * The data dictionary: every field the collectors can report, with its collector, type and `_meta.description`,
 * and each collector's category (at which consent levels its fields are sent).
 * `excluded` lists the paths the config leaves out, so that readers know what is missing.
 * Deterministic (sorted by collector type, fields in schema order, no line numbers), so that a check can
 * compare it with the file byte for byte.
 */
export function generateDictionary(collectors: ParsedCollector[], excluded: string[] = []): string {
  const sorted = [...collectors].sort((a, b) => a.collectorName.localeCompare(b.collectorName));
  const lines = [
    '# Telemetry data dictionary',
    '',
    '<!-- Generated from the usage collectors\' schemas by `node scripts/telemetry_check.js --fix` (or',
    '`node scripts/telemetry_extract.js`). Do not edit by hand: change the collector\'s `schema` and regenerate. -->',
    '',
    'Every field a usage collector can report, by collector: its schema type and the description given in its',
    '`_meta`. Only declared fields are ever reported. In a field path, `*` stands for a key that is data (an',
    'application id, an app name: the schema\'s `DYNAMIC_KEY`) and `[]` for the entries of an array.',
    '',
    'A collector\'s category says at which consent levels its fields are sent (`docs/consent.md`): `operational`',
    '(health, versions, sizes, config) at the operational and full levels, `usage` (what people do) at the full',
    'level only. A collector that declares no category counts as `usage`.',
    '',
    ...(excluded.length
      ? [
          'Not listed: collectors under the paths that `.telemetryrc.json` excludes from the check (a schema built',
          `at run time, for one, cannot be read statically): ${excluded.map((e) => `\`${e}\``).join(', ')}.`,
          '',
        ]
      : []),
    '| Collector | Category | Defined in | Usage type | Fields |',
    '|---|---|---|---|---|',
    ...sorted.map(
      (c) =>
        `| [\`${c.collectorName}\`](#${anchor(c.collectorName)}) | ${categoryCell(c)} | \`${c.path}\` | \`${cell(c.typeName)}\` | ${
          dictionaryRows(c.schema, c.collectorName).filter((r) => r.type !== 'object').length
        } |`
    ),
  ];
  for (const collector of sorted) {
    lines.push('', `## ${collector.collectorName}`, '');
    lines.push(`Defined in \`${collector.path}\`; usage type \`${cell(collector.typeName)}\`.`, '');
    lines.push(categoryLine(collector), '');
    if (collector.schema.meta?.description) lines.push(cell(collector.schema.meta.description), '');
    lines.push('| Field | Type | Description |', '|---|---|---|');
    for (const row of dictionaryRows(collector.schema, collector.collectorName).filter((r) => r.field !== collector.collectorName)) {
      lines.push(`| \`${cell(row.field)}\` | ${row.type} | ${row.description ? cell(row.description) : '_(no description)_'} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
