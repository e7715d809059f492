import * as ts from 'typescript';
import { StaticValueError } from './errors';

/** Defines a field without ever touching a prototype (a schema field may be called `__proto__`). */
export function setField(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The expression under parentheses, `as`, `satisfies`, `!` and `<T>` assertions (types do not change values). */
export function unwrap(expr: ts.Expression): ts.Expression {
  while (
    ts.isParenthesizedExpression(expr) ||
    ts.isAsExpression(expr) ||
    ts.isSatisfiesExpression(expr) ||
    ts.isNonNullExpression(expr) ||
    ts.isTypeAssertionExpression(expr)
  ) {
    expr = expr.expression;
  }
  return expr;
}

/** A node's source on one line, shortened, for messages. */
export function describe(node: ts.Node) {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** A function's name for messages: its own, or that of the variable holding it. */
export function functionName(fn: ts.SignatureDeclaration) {
  if (fn.name) return fn.name.getText();
  return fn.parent && ts.isVariableDeclaration(fn.parent) ? fn.parent.name.getText() : '(anonymous)';
}

/** The `return` statements of a function body, not counting those of nested functions. */
function returnsOf(body: ts.Block): ts.ReturnStatement[] {
  const found: ts.ReturnStatement[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isReturnStatement(node)) found.push(node);
    else if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

/**
 * The one expression a block-bodied function returns (upstream's rule for collector functions, applied to
 * every helper). Besides the return, only `const` declarations and nested functions are allowed: a loop, a
 * condition or an assignment would make the returned value differ from what the source says.
 */
export function singleReturnedExpression(body: ts.Block, name: string): ts.Expression {
  const returns = returnsOf(body);
  if (returns.length > 1) throw new StaticValueError(`${name} cannot have multiple return statements.`);
  if (returns.length === 0) throw new StaticValueError(`${name} must have a return statement.`);
  const expression = returns[0].expression;
  if (!expression) throw new StaticValueError(`${name} return statement must be an expression.`);
  const dynamic = body.statements.find(
    (st) =>
      !ts.isReturnStatement(st) &&
      !ts.isFunctionDeclaration(st) &&
      !(ts.isVariableStatement(st) && st.declarationList.flags & ts.NodeFlags.Const)
  );
  if (dynamic) {
    throw new StaticValueError(
      `${name} cannot be read statically: only const declarations and one return are supported, got (${describe(dynamic)}).`
    );
  }
  return expression;
}
