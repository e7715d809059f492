/*
 * Runs an integration suite once per saved-objects store: the embedded SQLite store, then a real OpenSearch
 * node (test/opensearch). Use with `describe.each(storeModes('<suite>'))('... (%s store)', (mode) => …)`
 * and call `mode.before()` in beforeAll and `mode.after()` (or `stopSuite`) in afterAll. The OpenSearch
 * mode starts ONE node for the file (lazily, shared by every describe of the file) and its own index
 * `.osd_<suite>`.
 */
import { startOpenSearch, type OpenSearchNode } from '../opensearch/opensearch_node';
import type { OsdServer } from './osd_server';

export interface StoreMode {
  name: 'embedded' | 'opensearch';
  /** Extra server flags for this store (evaluate after `before()`: the node's URL is known only then). */
  args(): string[];
  /** The saved-objects index of this mode. */
  index: string;
  /** Starts what the mode needs (no-op for embedded). */
  before(): Promise<void>;
  /** Stops it (no-op for embedded). */
  after(): Promise<void>;
  /** The running node (opensearch mode only, after `before()`). */
  node?: OpenSearchNode;
  /** `GET /` of the node: cluster uuid and name (opensearch mode only, after `before()`). */
  cluster?: { uuid: string; name: string };
  /** Deletes the mode's index so the next server starts on an empty store (no-op for embedded). */
  reset(): Promise<void>;
  /** Documents of `type` in the index, straight from the node (opensearch mode only). */
  search(type: string): Promise<Array<{ _id: string; _source: any }>>;
  /** `toString` for `%s` in test titles. */
  toString(): string;
}

function embeddedMode(): StoreMode {
  return {
    name: 'embedded',
    args: () => [],
    index: '.opensearch_dashboards',
    before: async () => {},
    after: async () => {},
    reset: async () => {},
    search: async () => {
      throw new Error('search() needs the opensearch store mode');
    },
    toString: () => 'embedded',
  };
}

/** An OpenSearch mode; `before()` may be called by several describes: the node is started once. */
export function openSearchMode(suite: string): StoreMode {
  const index = `.osd_${suite}`;
  let users = 0;
  let starting: Promise<OpenSearchNode> | undefined;
  const mode: StoreMode = {
    name: 'opensearch',
    index,
    args: () => {
      if (!mode.node) throw new Error('opensearch store mode: call before() first');
      return [`--opensearch.hosts=${mode.node.url}`, `--opensearchDashboards.index=${index}`];
    },
    before: async () => {
      users++;
      starting ??= startOpenSearch({});
      mode.node = await starting;
      if (!mode.cluster) {
        const info = await (await fetch(`${mode.node.url}/`)).json();
        mode.cluster = { uuid: info.cluster_uuid, name: info.cluster_name };
      }
    },
    after: async () => {
      users--;
      if (users > 0 || !starting) return;
      const node = await starting.catch(() => undefined);
      starting = undefined;
      mode.node = undefined;
      await node?.stop();
    },
    reset: async () => {
      if (!mode.node) return;
      const res = await fetch(`${mode.node.url}/${index}`, { method: 'DELETE' });
      if (res.status !== 200 && res.status !== 404) throw new Error(`DELETE ${index} answered ${res.status}: ${await res.text()}`);
    },
    search: async (type: string) => {
      const url = mode.node!.url;
      await fetch(`${url}/${index}/_refresh`, { method: 'POST' });
      const res = await fetch(`${url}/${index}/_search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ size: 10000, query: { term: { type } } }),
      });
      const body = await res.json();
      if (res.status !== 200) throw new Error(`search of ${index} answered ${res.status}: ${JSON.stringify(body)}`);
      return body.hits.hits;
    },
    toString: () => 'opensearch',
  };
  return mode;
}

/** `[embedded, opensearch]` for `describe.each`. `STORE_MODES=embedded` or `=opensearch` runs only one. */
export function storeModes(suite: string): StoreMode[] {
  const modes = [embeddedMode(), openSearchMode(suite)];
  const only = process.env.STORE_MODES?.split(',').map((s) => s.trim()).filter(Boolean);
  return only?.length ? modes.filter((m) => only.includes(m.name)) : modes;
}

/**
 * The `afterAll` of a suite with one server per mode: stops the server and removes its files, then empties
 * the mode's store so the next suite starts clean, then releases the node.
 */
export async function stopSuite(mode: StoreMode, server: OsdServer | undefined): Promise<void> {
  await server?.stop();
  server?.cleanup();
  await mode.reset();
  await mode.after();
}
