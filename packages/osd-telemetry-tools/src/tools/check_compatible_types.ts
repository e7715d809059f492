import { DYNAMIC_KEY } from './constants';
import { compatibleSchemaType, SchemaTree } from './schema_tree';
import type { Descriptor } from './serializer';
import type { ParsedCollector } from './ts_parser';

/** One collector whose schema does not match its usage type. */
export interface IncompatibleCollector {
  collectorPath: string;
  collectorName: string;
  /** One line per field, in upstream's wording. */
  messages: string[];
}

const schemaKind = (node: SchemaTree) =>
  node.kind === 'leaf' ? compatibleSchemaType(node.type) : node.kind === 'array' ? 'array' : 'object';

const typeKind = (desc: Descriptor) => (desc.kind === 'object' && desc.index && !Object.keys(desc.fields).length ? 'record' : desc.kind);

const show = (kind: string | undefined) => (kind === undefined ? 'undefined' : JSON.stringify(kind));

/** Compares one schema node with one type node, field by field; appends a line per difference. */
function compare(node: SchemaTree | undefined, desc: Descriptor | undefined, path: string[], out: string[]) {
  const report = (expected: string | undefined, got: string | undefined, why = '') =>
    out.push(`incompatible Type key (${path.join('.')}): expected (${show(expected)}) got (${show(got)}).${why}`);
  if (!node && !desc) return;
  if (!node) return report(undefined, typeKind(desc!), ' The type declares this field; the schema does not.');
  if (!desc) return report(schemaKind(node), undefined, ' The schema declares this field; the type does not.');

  if (node.kind === 'leaf') {
    const expected = compatibleSchemaType(node.type);
    if (desc.kind === 'date') {
      if (node.type !== 'date') report(expected, 'date', ` A Date is declared 'date', not '${node.type}'.`);
    } else if (desc.kind !== expected) {
      report(expected, typeKind(desc), ` The schema declares '${node.type}'.`);
    }
    return;
  }
  if (node.kind === 'array') {
    if (desc.kind !== 'array') return report('array', typeKind(desc));
    return compare(node.items, desc.items, [...path, 'items'], out);
  }
  if (desc.kind !== 'object') return report('object', typeKind(desc));

  const named = Object.keys(node.fields).filter((key) => key !== DYNAMIC_KEY);
  if (node.fields[DYNAMIC_KEY]) {
    if (desc.index) compare(node.fields[DYNAMIC_KEY], desc.index, [...path, DYNAMIC_KEY], out);
    else {
      out.push(
        `incompatible Type key (${[...path, DYNAMIC_KEY].join('.')}): expected ("record") got ("object"). ` +
          `${DYNAMIC_KEY} declares a record, but the type has no index signature.`
      );
    }
  }
  for (const key of Object.keys(desc.fields)) compare(node.fields[key], desc.fields[key], [...path, key], out);
  for (const key of named) {
    if (key in desc.fields) continue;
    // Upstream accepts named keys for a record (`{ [key: string]: number }` ↔ `{ count, avg }`): each is one value.
    if (desc.index) compare(node.fields[key], desc.index, [...path, key], out);
    else compare(node.fields[key], undefined, [...path, key], out);
  }
  if (desc.index && !node.fields[DYNAMIC_KEY] && !Object.keys(desc.fields).length && !named.length) {
    out.push(
      `incompatible Type key (${[...path, DYNAMIC_KEY].join('.')}): expected (undefined) got (${show(typeKind(desc.index))}). ` +
        `The type is a record: declare its values as { ${DYNAMIC_KEY}: ... }.`
    );
  }
}

/**
 * Checks that each collector's schema matches its usage type `T` field by field: keyword/text/date ↔ string,
 * long/number/float ↔ number, boolean ↔ boolean, `{ type: 'array', items }` ↔ arrays, `{ DYNAMIC_KEY }` ↔
 * records, nested objects ↔ nested objects; a field on one side only is a difference too.
 */
export function checkCompatibleTypes(collectors: ParsedCollector[]): IncompatibleCollector[] {
  return collectors.flatMap((collector) => {
    const messages: string[] = [];
    compare(collector.schema, collector.typeDescriptor, [collector.typeName], messages);
    if (!messages.length) return [];
    return [{ collectorPath: `${collector.path}:${collector.line}`, collectorName: collector.collectorName, messages }];
  });
}
