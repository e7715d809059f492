import * as ts from 'typescript';
import { TelemetryToolError } from './errors';

/** The shape of a collector's usage type `T`, reduced to what a schema can say about it. */
export type Descriptor = LeafDescriptor | ArrayDescriptor | ObjectDescriptor;
export interface LeafDescriptor {
  kind: 'string' | 'number' | 'boolean' | 'date';
}
export interface ArrayDescriptor {
  kind: 'array';
  items: Descriptor;
}
export interface ObjectDescriptor {
  kind: 'object';
  /** Named properties (optional ones too: a schema declares every field that can be reported). */
  fields: Record<string, Descriptor>;
  /** The value of a string (or number) index signature: `Record<string, X>`, `{ [key: string]: X }`. */
  index?: Descriptor;
}

const NULLISH = ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void;
const STRING = ts.TypeFlags.String | ts.TypeFlags.StringLiteral | ts.TypeFlags.TemplateLiteral | ts.TypeFlags.StringMapping;
const NUMBER = ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral;
const BOOLEAN = ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral;
const DATE_TYPES = new Set(['Date', 'Moment']);

const at = (path: string[]) => path.join('.');

/** Merges the members of a union of object (or array) types; leaves must agree on their kind. */
function merge(a: Descriptor, b: Descriptor, path: string[]): Descriptor {
  if (a.kind === 'object' && b.kind === 'object') {
    const fields = { ...a.fields };
    for (const [key, value] of Object.entries(b.fields)) {
      fields[key] = fields[key] ? merge(fields[key], value, [...path, key]) : value;
    }
    const index = a.index && b.index ? merge(a.index, b.index, path) : a.index ?? b.index;
    return { kind: 'object', fields, ...(index ? { index } : {}) };
  }
  if (a.kind === 'array' && b.kind === 'array') return { kind: 'array', items: merge(a.items, b.items, path) };
  if (a.kind === b.kind) return a;
  throw new TelemetryToolError(`Mapping does not support conflicting union types (${at(path)}: ${a.kind} | ${b.kind}).`);
}

/**
 * Describes a usage type with the type checker, so that everything the compiler resolves is supported:
 * interfaces, type literals, aliases, imported types, `Pick`/`Omit`/`Partial`, `Record`, mapped types,
 * intersections, index signatures, arrays, enums and unions of one kind (`null` and `undefined` dropped).
 * `Date` and `Moment` are dates. `any`, `unknown`, functions and recursive types cannot be described.
 */
export class TypeSerializer {
  constructor(private readonly checker: ts.TypeChecker) {}

  /** `path` starts with the type's name, as written in `makeUsageCollector<Usage>`; messages use it. */
  describe(type: ts.Type, path: string[], seen: ts.Type[] = []): Descriptor {
    if (type.isUnion()) {
      const members = type.types.filter((t) => !(t.flags & NULLISH));
      if (members.length > 0 && members.every((t) => t.flags & BOOLEAN)) return { kind: 'boolean' };
      if (members.length === 0) throw this.unknown(type, path);
      return members.map((t) => this.describe(t, path, seen)).reduce((a, b) => merge(a, b, path));
    }
    if (type.flags & STRING) return { kind: 'string' };
    if (type.flags & NUMBER) return { kind: 'number' };
    if (type.flags & BOOLEAN) return { kind: 'boolean' };
    if (type.isIntersection()) {
      // A branded primitive (`string & { __brand: 'id' }`) is that primitive.
      const primitive = type.types.find((t) => t.flags & (STRING | NUMBER | BOOLEAN));
      if (primitive) return this.describe(primitive, path, seen);
    }
    if (!(type.flags & ts.TypeFlags.Object) && !type.isIntersection()) throw this.unknown(type, path);

    const symbolName = type.getSymbol()?.getName() ?? type.aliasSymbol?.getName();
    if (symbolName && DATE_TYPES.has(symbolName)) return { kind: 'date' };
    if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) {
      throw this.unknown(type, path);
    }
    if (seen.includes(type)) {
      throw new TelemetryToolError(`Recursive type ${this.checker.typeToString(type)} at ${at(path)} cannot be mapped.`);
    }
    const inner = [...seen, type];
    if (this.checker.isArrayType(type) || this.checker.isTupleType(type)) {
      const element = this.checker.getIndexTypeOfType(type, ts.IndexKind.Number);
      if (!element) throw this.unknown(type, path);
      return { kind: 'array', items: this.describe(element, [...path, 'items'], inner) };
    }
    const fields: Record<string, Descriptor> = {};
    for (const property of this.checker.getPropertiesOfType(type)) {
      const name = property.getName();
      fields[name] = this.describe(this.checker.getTypeOfSymbol(property), [...path, name], inner);
    }
    const indexInfo =
      this.checker.getIndexInfoOfType(type, ts.IndexKind.String) ?? this.checker.getIndexInfoOfType(type, ts.IndexKind.Number);
    const index = indexInfo ? this.describe(indexInfo.type, [...path, 'DYNAMIC_KEY'], inner) : undefined;
    return { kind: 'object', fields, ...(index ? { index } : {}) };
  }

  private unknown(type: ts.Type, path: string[]) {
    return new TelemetryToolError(`Unknown type ${this.checker.typeToString(type)} at ${at(path)}.`);
  }
}
