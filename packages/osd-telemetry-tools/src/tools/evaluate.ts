import * as ts from 'typescript';
import { describe, functionName, setField, singleReturnedExpression, unwrap } from './ast_utils';
import { NotAnObjectError, StaticValueError } from './errors';

/**
 * The static evaluator: computes, without running anything, the value of the expressions a collector is made
 * of (its `type`, its `schema`). It follows what plugin code does to build a schema: constants, imports (and
 * re-exports), spreads, property and element access, enum members, template strings, and calls to local helper
 * functions (`const clicks = (description: string) => ({ type: 'long', _meta: { description } })`) whose body is
 * a single returned expression. Anything that would need running code (a loop, a condition, a library call)
 * is a `StaticValueError` naming the expression.
 */

/** A function value: its declaration, and the bindings visible where it was created. */
export class FunctionRef {
  constructor(readonly node: ts.SignatureDeclaration, readonly env: Env) {}
}

/** An argument, evaluated only if the callee uses it (an unused argument may be anything). */
interface Thunk {
  expr: ts.Expression | undefined;
  env: Env;
}

/** Parameter bindings of the calls being evaluated, innermost first. */
export type Env = { bindings: Map<ts.Node, Thunk>; parent: Env } | undefined;

/** Where a property of an object literal was found: its initializer, or a method. */
export type LocatedProperty = { expr: ts.Expression; env: Env } | { method: ts.Node };

const MAX_DEPTH = 400;

export class StaticEvaluator {
  private depth = 0;

  constructor(private readonly checker: ts.TypeChecker) {}

  /** The value of an expression: primitives, plain objects, arrays, `FunctionRef`s. */
  evaluate(expr: ts.Expression, env: Env = undefined): unknown {
    if (++this.depth > MAX_DEPTH) {
      this.depth = 0;
      throw new StaticValueError(`Value of (${describe(expr)}) is too deeply nested: is a helper recursive?`);
    }
    try {
      return this.evaluateNode(unwrap(expr), env);
    } finally {
      this.depth = Math.max(0, this.depth - 1);
    }
  }

  /** Finds a property of an object expression without evaluating the other properties (a collector's `fetch`). */
  findProperty(expr: ts.Expression, name: string, env: Env = undefined, label = 'Function'): LocatedProperty | undefined {
    const { node, env: objectEnv } = this.resolveObjectLiteral(expr, env, label);
    for (const property of [...node.properties].reverse()) {
      if (ts.isSpreadAssignment(property)) {
        const found = this.findProperty(property.expression, name, objectEnv, label);
        if (found) return found;
      } else if (property.name && this.propertyName(property.name, objectEnv) === name) {
        if (ts.isPropertyAssignment(property)) return { expr: property.initializer, env: objectEnv };
        if (ts.isShorthandPropertyAssignment(property)) return { expr: property.name, env: objectEnv };
        return { method: property };
      }
    }
    return undefined;
  }

  /** The object literal an expression stands for: followed through variables, helper calls and property access. */
  resolveObjectLiteral(expr: ts.Expression, env: Env, label = 'Function'): { node: ts.ObjectLiteralExpression; env: Env } {
    const inner = unwrap(expr);
    if (ts.isObjectLiteralExpression(inner)) return { node: inner, env };
    if (ts.isIdentifier(inner)) {
      const declaration = this.declarationOf(inner);
      if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
        return this.resolveObjectLiteral(declaration.initializer, env, label);
      }
      const thunk = this.lookup(declaration, env);
      if (thunk?.expr) return this.resolveObjectLiteral(thunk.expr, thunk.env, label);
    }
    if (ts.isCallExpression(inner)) {
      const call = this.bindCall(inner, env, label);
      return this.resolveObjectLiteral(call.expr, call.env, label);
    }
    if (ts.isPropertyAccessExpression(inner)) {
      const found = this.findProperty(inner.expression, inner.name.text, env, label);
      if (found && 'expr' in found) return this.resolveObjectLiteral(found.expr, found.env, label);
    }
    throw new NotAnObjectError(`Expected an object literal, got (${describe(expr)}).`);
  }

  /** Binds a call's arguments to the callee's parameters; returns the callee's single returned expression. */
  bindCall(call: ts.CallExpression, env: Env, label = 'Function'): { expr: ts.Expression; env: Env } {
    let callee: unknown;
    let reason = '';
    try {
      callee = this.evaluate(call.expression, env);
    } catch (error) {
      if (!(error instanceof StaticValueError)) throw error;
      reason = ` (${error.message})`;
    }
    if (!(callee instanceof FunctionRef)) {
      throw new StaticValueError(`Unsupported call (${describe(call)}): only local helper functions can be followed.${reason}`);
    }
    const fn = callee.node;
    const bindings = new Map<ts.Node, Thunk>();
    const inner: Env = { bindings, parent: callee.env };
    fn.parameters.forEach((parameter, i) => {
      const arg = call.arguments[i];
      if (arg && ts.isSpreadElement(arg)) {
        throw new StaticValueError(`Unsupported spread argument in (${describe(call)}).`);
      }
      bindings.set(parameter, arg ? { expr: arg, env } : { expr: parameter.initializer, env: inner });
    });
    const name = label === 'Function' ? `Function ${functionName(fn)}` : label;
    const body = (fn as ts.FunctionLikeDeclaration).body;
    if (!body) throw new StaticValueError(`${name} has no body.`);
    if (!ts.isBlock(body)) return { expr: body, env: inner };
    return { expr: singleReturnedExpression(body, name), env: inner };
  }

  private evaluateNode(expr: ts.Expression, env: Env): unknown {
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return expr.text;
    if (ts.isNumericLiteral(expr)) return Number(expr.text);
    if (expr.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (expr.kind === ts.SyntaxKind.FalseKeyword) return false;
    if (expr.kind === ts.SyntaxKind.NullKeyword) return null;
    if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.MinusToken) {
      const value = this.evaluate(expr.operand, env);
      if (typeof value === 'number') return -value;
    }
    if (ts.isTemplateExpression(expr)) {
      let text = expr.head.text;
      for (const span of expr.templateSpans) {
        const value = this.evaluate(span.expression, env);
        if (value !== null && typeof value === 'object') {
          throw new StaticValueError(`Template (${describe(expr)}) interpolates an object.`);
        }
        text += String(value) + span.literal.text;
      }
      return text;
    }
    if (ts.isIdentifier(expr)) return this.evaluateIdentifier(expr, env);
    if (ts.isObjectLiteralExpression(expr)) return this.evaluateObject(expr, env);
    if (ts.isArrayLiteralExpression(expr)) {
      return expr.elements.flatMap((element) => {
        if (!ts.isSpreadElement(element)) return [this.evaluate(element, env)];
        const spread = this.evaluate(element.expression, env);
        if (!Array.isArray(spread)) throw new StaticValueError(`Spread of a non-array (${describe(element)}).`);
        return spread;
      });
    }
    if (ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr)) return this.evaluateAccess(expr, env);
    if (ts.isCallExpression(expr)) {
      if (expr.expression.getText() === 'Object.freeze' && expr.arguments.length === 1) {
        return this.evaluate(expr.arguments[0], env);
      }
      const call = this.bindCall(expr, env);
      return this.evaluate(call.expr, call.env);
    }
    if (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr)) return new FunctionRef(expr, env);
    throw new StaticValueError(
      `Unsupported Node: cannot get value of node (${describe(expr)}) of kind ${ts.SyntaxKind[expr.kind]}.`
    );
  }

  private evaluateObject(expr: ts.ObjectLiteralExpression, env: Env) {
    const value: Record<string, unknown> = {};
    for (const property of expr.properties) {
      if (ts.isSpreadAssignment(property)) {
        const spread = this.evaluate(property.expression, env);
        if (spread === undefined || spread === null) continue;
        if (typeof spread !== 'object' || Array.isArray(spread)) {
          throw new StaticValueError(`Spread of a non-object (${describe(property)}).`);
        }
        for (const [key, v] of Object.entries(spread)) setField(value, key, v);
      } else if (ts.isPropertyAssignment(property)) {
        setField(value, this.propertyName(property.name, env), this.evaluate(property.initializer, env));
      } else if (ts.isShorthandPropertyAssignment(property)) {
        setField(value, property.name.text, this.evaluate(property.name, env));
      } else if (ts.isMethodDeclaration(property) || ts.isAccessor(property)) {
        setField(value, this.propertyName(property.name, env), new FunctionRef(property, env));
      }
    }
    return value;
  }

  private evaluateAccess(expr: ts.PropertyAccessExpression | ts.ElementAccessExpression, env: Env): unknown {
    const symbol = this.checker.getSymbolAtLocation(ts.isPropertyAccessExpression(expr) ? expr.name : expr);
    const declaration = symbol?.valueDeclaration;
    if (declaration && ts.isEnumMember(declaration)) return this.checker.getConstantValue(declaration);
    const target = this.evaluate(expr.expression, env);
    const key = ts.isPropertyAccessExpression(expr) ? expr.name.text : this.evaluate(expr.argumentExpression, env);
    if (target === null || typeof target !== 'object' || (typeof key !== 'string' && typeof key !== 'number')) {
      throw new StaticValueError(`Cannot get value of (${describe(expr)}).`);
    }
    if (!Object.prototype.hasOwnProperty.call(target, key)) {
      throw new StaticValueError(`Property ${key} does not exist on (${describe(expr.expression)}).`);
    }
    return (target as Record<string, unknown>)[key];
  }

  private evaluateIdentifier(id: ts.Identifier, env: Env): unknown {
    if (id.text === 'undefined') return undefined;
    const declaration = this.declarationOf(id);
    if (ts.isParameter(declaration) || ts.isBindingElement(declaration)) {
      const thunk = this.lookup(declaration, env);
      if (thunk) return thunk.expr ? this.evaluate(thunk.expr, thunk.env) : undefined;
      if (ts.isBindingElement(declaration)) return this.evaluateBindingElement(declaration, env);
      throw new StaticValueError(`Value of parameter ${id.text} is only known at run time.`);
    }
    if (ts.isVariableDeclaration(declaration)) {
      if (!declaration.initializer) throw new StaticValueError(`Expected ${id.text} to be initialized.`);
      return this.evaluate(declaration.initializer, env);
    }
    if (ts.isFunctionDeclaration(declaration)) return new FunctionRef(declaration, env);
    if (ts.isEnumMember(declaration)) return this.checker.getConstantValue(declaration);
    if (ts.isShorthandPropertyAssignment(declaration)) return this.evaluate(declaration.name, env);
    throw new StaticValueError(`Unsupported Identifier ${id.text}.`);
  }

  /** `const { a, b: { c } } = value` and destructured parameters: the value at the element's place. */
  private evaluateBindingElement(element: ts.BindingElement, env: Env): unknown {
    const pattern = element.parent;
    const owner = pattern.parent;
    let whole: unknown;
    if (ts.isVariableDeclaration(owner) && owner.initializer) whole = this.evaluate(owner.initializer, env);
    else if (ts.isBindingElement(owner)) whole = this.evaluateBindingElement(owner, env);
    else if (ts.isParameter(owner)) {
      const thunk = this.lookup(owner, env);
      whole = thunk?.expr ? this.evaluate(thunk.expr, thunk.env) : undefined;
    } else throw new StaticValueError(`Unsupported destructuring (${describe(element)}).`);
    const key = ts.isArrayBindingPattern(pattern)
      ? pattern.elements.indexOf(element)
      : (element.propertyName ? this.propertyName(element.propertyName, env) : element.name.getText());
    const value = whole !== null && typeof whole === 'object' ? (whole as Record<string, unknown>)[key] : undefined;
    return value === undefined && element.initializer ? this.evaluate(element.initializer, env) : value;
  }

  private lookup(declaration: ts.Node, env: Env): Thunk | undefined {
    for (let frame = env; frame; frame = frame.parent) {
      const thunk = frame.bindings.get(declaration);
      if (thunk) return thunk;
    }
    return undefined;
  }

  private propertyName(name: ts.PropertyName | ts.BindingName, env: Env): string {
    if (ts.isComputedPropertyName(name)) {
      const key = this.evaluate(name.expression, env);
      if (typeof key !== 'string' && typeof key !== 'number') {
        throw new StaticValueError(`Computed key (${describe(name)}) is not a string.`);
      }
      return String(key);
    }
    if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) {
      return name.text;
    }
    return name.getText();
  }

  /** The declaration an identifier refers to, through imports and re-exports. */
  private declarationOf(id: ts.Identifier): ts.Declaration {
    const parent = id.parent;
    let symbol =
      parent && ts.isShorthandPropertyAssignment(parent) && parent.name === id
        ? this.checker.getShorthandAssignmentValueSymbol(parent)
        : this.checker.getSymbolAtLocation(id);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (!declaration || ts.isImportSpecifier(declaration) || ts.isImportClause(declaration)) {
      throw new StaticValueError(`Unable to find the declaration of ${id.text} (is its module resolvable?).`);
    }
    return declaration;
  }
}
