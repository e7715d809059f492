import * as ts from 'typescript';
import { describe, unwrap } from './ast_utils';
import { COLLECTOR_CATEGORIES, CollectorCategory } from './constants';
import { NotAnObjectError, StaticValueError, TelemetryToolError } from './errors';
import { FunctionRef, StaticEvaluator } from './evaluate';
import { readSchema, SchemaObject } from './schema_tree';
import { Descriptor, TypeSerializer } from './serializer';

/** One `makeUsageCollector<T>({...})` call, read statically. */
export interface ParsedCollector {
  /** The file, relative to the working directory, with forward slashes. */
  path: string;
  /** 1-based line of the call. */
  line: number;
  /** The collector's `type`: its key in every report. */
  collectorName: string;
  /** `T` as written in the call (`Usage`, `Record<string, X>`). */
  typeName: string;
  /** What `T` is made of. */
  typeDescriptor: Descriptor;
  /** The evaluated `schema`. */
  schema: SchemaObject;
  /** The declared `category`; absent when the collector declares none (it then counts as `usage` at run time). */
  category?: CollectorCategory;
}

/** Whether a call is `makeUsageCollector(...)`, `usageCollection.makeUsageCollector<T>(...)` and the like. */
export function isMakeUsageCollectorCall(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  return name === 'makeUsageCollector';
}

const plainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Reads collectors with one type checker: an evaluator for values, a serializer for types. */
export class CollectorParser {
  private readonly evaluator: StaticEvaluator;
  private readonly serializer: TypeSerializer;

  constructor(private readonly checker: ts.TypeChecker) {
    this.evaluator = new StaticEvaluator(checker);
    this.serializer = new TypeSerializer(checker);
  }

  /** Every usage collector made in a file, in source order. Throws on the first one that cannot be read. */
  parseFile(sourceFile: ts.SourceFile, relativePath: string): ParsedCollector[] {
    const found: ParsedCollector[] = [];
    const visit = (node: ts.Node) => {
      if (isMakeUsageCollectorCall(node)) found.push(this.parseCall(node, sourceFile, relativePath));
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    return found;
  }

  private parseCall(call: ts.CallExpression, sourceFile: ts.SourceFile, relativePath: string): ParsedCollector {
    const line = sourceFile.getLineAndCharacterOfPosition(call.getStart(sourceFile)).line + 1;
    let collectorName: string | undefined;
    try {
      if (call.arguments.length > 1) throw new TelemetryToolError('makeUsageCollector does not accept more than one argument.');
      const config = call.arguments[0];
      if (!config) throw new TelemetryToolError('makeUsageCollector argument must be an object.');
      this.resolveConfig(config);

      collectorName = this.readType(config);
      const category = this.readCategory(config);
      if (!this.evaluator.findProperty(config, 'fetch', undefined, 'Collector function')) {
        throw new TelemetryToolError('usageCollector.fetch must be defined.');
      }
      const schema = this.readSchema(config, collectorName);

      const typeNode = call.typeArguments?.[0];
      if (!typeNode) {
        throw new TelemetryToolError('makeUsageCollector requires a Usage type makeUsageCollector<Usage>({ ... }).');
      }
      const typeName = typeNode.getText(sourceFile);
      const typeDescriptor = this.serializer.describe(this.checker.getTypeFromTypeNode(typeNode), [typeName]);
      return { path: relativePath, line, collectorName, typeName, typeDescriptor, schema, ...(category ? { category } : {}) };
    } catch (error) {
      throw TelemetryToolError.inCollector(`${relativePath}:${line}`, collectorName, error);
    }
  }

  /** The collector options must resolve to an object literal (directly, through a variable or a local function). */
  private resolveConfig(config: ts.Expression) {
    try {
      this.evaluator.resolveObjectLiteral(config, undefined, 'Collector function');
    } catch (error) {
      if (!(error instanceof NotAnObjectError)) throw error;
      throw new TelemetryToolError(`makeUsageCollector argument must be an object.\n${error.message}`);
    }
  }

  private readType(config: ts.Expression): string {
    const located = this.evaluator.findProperty(config, 'type', undefined, 'Collector function');
    if (!located) throw new TelemetryToolError('usageCollector.type must be defined.');
    const value = 'expr' in located ? this.evaluator.evaluate(located.expr, located.env) : undefined;
    if (typeof value !== 'string' || value === '') {
      throw new TelemetryToolError('usageCollector.type must be a non-empty string literal.');
    }
    return value;
  }

  /**
   * The optional `category`: `'operational'` or `'usage'`, written as a literal or anything the evaluator follows
   * (a constant, an import, an enum member), as `type` is. Anything else is refused, since the report's consent
   * level decides by it: a value known only at run time cannot be listed in the data dictionary.
   */
  private readCategory(config: ts.Expression): CollectorCategory | undefined {
    const located = this.evaluator.findProperty(config, 'category', undefined, 'Collector function');
    if (!located) return undefined;
    const expected = `usageCollector.category must be ${COLLECTOR_CATEGORIES.map((c) => `'${c}'`).join(' or ')}`;
    if (!('expr' in located)) throw new TelemetryToolError(`${expected} (a string literal or a constant), not a method.`);
    let value: unknown;
    try {
      value = this.evaluator.evaluate(located.expr, located.env);
    } catch (error) {
      if (!(error instanceof StaticValueError)) throw error;
      throw new TelemetryToolError(
        `${expected} (a string literal or a constant holding one); (${describe(located.expr)}) cannot be read statically: ${error.message}`
      );
    }
    if (typeof value === 'string' && (COLLECTOR_CATEGORIES as readonly string[]).includes(value)) {
      return value as CollectorCategory;
    }
    const shown =
      typeof value === 'string'
        ? `'${value}'`
        : value instanceof FunctionRef
          ? 'a function'
          : value !== null && typeof value === 'object'
            ? 'an object'
            : String(value);
    const literal = ts.isStringLiteralLike(unwrap(located.expr));
    throw new TelemetryToolError(`${expected}, got ${shown}${literal ? '' : ` from (${describe(located.expr)})`}.`);
  }

  private readSchema(config: ts.Expression, collectorName: string): SchemaObject {
    const located = this.evaluator.findProperty(config, 'schema', undefined, 'Collector function');
    if (!located) throw new TelemetryToolError('usageCollector.schema must be defined.');
    if (!('expr' in located)) throw new TelemetryToolError('usageCollector.schema must be an object.');
    let value: unknown;
    try {
      value = this.evaluator.evaluate(located.expr, located.env);
    } catch (error) {
      throw new TelemetryToolError(
        `Unable to read usageCollector.schema statically: ${(error as Error).message}\n` +
          'A schema built at run time cannot be checked: list its file in the "exclude" of .telemetryrc.json.'
      );
    }
    if (!plainObject(value)) throw new TelemetryToolError('usageCollector.schema must be an object.');
    const tree = readSchema(value, [collectorName]);
    if (tree.kind !== 'object') {
      throw new TelemetryToolError('usageCollector.schema must be an object of fields, not a single type.');
    }
    return tree;
  }
}
