/** Types of seed_usage.js, for the TypeScript tests that reuse it. */
export interface SeedData {
  keys: number;
  apps: number;
  days: number;
  extra?: Array<{ type: string; id: string; attributes: unknown }>;
}
export function seedEmbedded(options: SeedData & { dataPath: string }): Promise<number>;
export function seedOpenSearch(options: SeedData & { nodeUrl: string; index: string }): Promise<number>;
export function seededCount(i: number): number;
