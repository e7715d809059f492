/**
 * Converts upstream's hapi path syntax to the HTTP server's: `{id}` → `:id`, `{id?}` → `:id?`, and a
 * trailing `{rest*}` → `*`, remembering which parameter the wildcard stands for.
 */
export function toServerPath(path: string): { path: string; wildcardParam?: string } {
  let wildcardParam: string | undefined;
  const converted = path.replace(/\{([a-zA-Z0-9_]+)(\?|\*)?\}/g, (_m, name: string, mod?: string) => {
    if (mod === '*') {
      wildcardParam = name;
      return '*';
    }
    return `:${name}${mod === '?' ? '?' : ''}`;
  });
  return { path: converted, wildcardParam };
}
