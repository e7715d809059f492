import { createHash } from 'crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import { isAbsolute, join, resolve } from 'path';
import type { BundleGraph } from './bundle_outputs';

/** What a cached build remembers: its output folder, its files, and the hash of every source file it read. */
export interface BundleManifest {
  buildHash: string;
  /** Every file of the build (`osd.js`, each chunk, the stylesheets, the maps), as stored in `<buildHash>/`. */
  files: string[];
  graph: BundleGraph;
  /** Absolute path → sha1 of its content, for every input outside node_modules. */
  inputs: Record<string, string>;
}

export const sha1 = (content: Buffer | string) => createHash('sha1').update(content).digest('hex');

/** The cache key of a plugin set: which plugins, how built, which dependency versions. */
export function bundleKey(parts: { builderVersion: number; esbuildVersion: string; dev: boolean; plugins: Array<{ id: string; path: string }>; lockfile?: string }) {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

/**
 * The inputs esbuild's metafile lists, as absolute paths with content hashes. Files under node_modules are
 * left out: the lockfile's hash in the key stands for them.
 */
export function hashInputs(inputPaths: string[], workingDir: string): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const input of inputPaths) {
    if (input.includes('node_modules/') || input.startsWith('<') || /^[a-z-]+:/.test(input)) continue;
    const path = isAbsolute(input) ? input : resolve(workingDir, input);
    inputs[path] = sha1(readFileSync(path));
  }
  return inputs;
}

/** True when every recorded input still has the same content. */
export function inputsUnchanged(manifest: BundleManifest) {
  return Object.entries(manifest.inputs).every(([path, hash]) => existsSync(path) && sha1(readFileSync(path)) === hash);
}

/** One cache folder per key: `manifest.json` plus one sub-folder per build, named by its hash. */
export class BundleCache {
  constructor(private readonly dir: string) {}

  public readManifest(): BundleManifest | undefined {
    try {
      const manifest = JSON.parse(readFileSync(join(this.dir, 'manifest.json'), 'utf8')) as BundleManifest;
      const complete = manifest.files.every((f) => existsSync(join(this.dir, manifest.buildHash, f)));
      return complete && typeof manifest.graph === 'object' && manifest.graph !== null ? manifest : undefined;
    } catch {
      return undefined;
    }
  }

  public readFiles(manifest: BundleManifest): Map<string, Buffer> {
    return new Map(manifest.files.map((f) => [f, readFileSync(join(this.dir, manifest.buildHash, f))]));
  }

  /**
   * Stores a build. Written to temporary names and renamed, so a server starting at the same moment reads
   * either the old build or the new one, never half of one. Older builds of this key are removed.
   */
  public write(manifest: BundleManifest, files: Map<string, Buffer>) {
    mkdirSync(this.dir, { recursive: true });
    const unique = `${process.pid}-${Date.now()}`;
    const target = join(this.dir, manifest.buildHash);
    if (!existsSync(target)) {
      const temp = join(this.dir, `.tmp-${unique}`);
      mkdirSync(temp, { recursive: true });
      for (const [name, content] of files) writeFileSync(join(temp, name), content);
      try {
        renameSync(temp, target);
      } catch {
        // Another process stored the same build first: its files are identical.
        rmSync(temp, { recursive: true, force: true });
      }
    }
    const manifestTemp = join(this.dir, `.manifest-${unique}.json`);
    writeFileSync(manifestTemp, JSON.stringify(manifest, null, 2));
    renameSync(manifestTemp, join(this.dir, 'manifest.json'));
    for (const entry of readdirSync(this.dir)) {
      if (entry !== manifest.buildHash && entry !== 'manifest.json' && !entry.startsWith('.')) {
        rmSync(join(this.dir, entry), { recursive: true, force: true });
      }
    }
  }
}
