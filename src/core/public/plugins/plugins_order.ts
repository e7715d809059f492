import { InjectedPluginMetadata } from '../injected_metadata/types';

/**
 * The order to run browser plugins in: Kahn's algorithm over the dependencies that have a browser half,
 * the same rule as the server (optional dependencies count only when present; ties keep discovery order).
 * Returns, per plugin, the dependencies whose contracts it receives.
 */
export function sortUiPlugins(plugins: readonly InjectedPluginMetadata[]): Array<{ id: string; deps: string[] }> {
  const present = new Set(plugins.map((p) => p.id));
  const depsOf = new Map<string, string[]>();
  for (const { id, plugin } of plugins) {
    depsOf.set(id, [...plugin.requiredPlugins, ...plugin.optionalPlugins].filter((d) => present.has(d)));
  }
  const waiting = new Map([...depsOf].map(([id, deps]) => [id, new Set(deps)]));
  const ready = plugins.map((p) => p.id).filter((id) => waiting.get(id)!.size === 0);
  const sorted: string[] = [];
  while (ready.length) {
    const id = ready.shift()!;
    sorted.push(id);
    for (const [other, deps] of waiting) {
      if (deps.delete(id) && deps.size === 0) ready.push(other);
    }
  }
  if (sorted.length !== plugins.length) {
    const stuck = plugins.map((p) => p.id).filter((id) => !sorted.includes(id));
    throw new Error(`Topological ordering of plugins did not complete, these plugins have cyclic or missing dependencies: ${JSON.stringify(stuck)}`);
  }
  return sorted.map((id) => ({ id, deps: depsOf.get(id)! }));
}
