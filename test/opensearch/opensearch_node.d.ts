// Types for opensearch_node.js (plain CommonJS), so TypeScript tests can import it under `strict`.
import { EventEmitter } from 'events';

export interface LogFn {
  (line: string): void;
}

export interface StartOpenSearchOptions {
  /** HTTP port; a free port on 127.0.0.1 is picked when missing. */
  port?: number;
  /** Transport port; a free port is picked when missing. */
  transportPort?: number;
  /** Node home (data in <dataDir>/data). Kept on stop(). A temp folder, removed on stop(), when missing. */
  dataDir?: string;
  /** Defaults to 'osd-test-cluster'. */
  clusterName?: string;
  /** Spawn-to-yellow limit; defaults to 120000. */
  startTimeoutMs?: number;
  /** Receives progress messages and the node's own (WARN and above) output. */
  log?: LogFn;
}

export interface OpenSearchNode extends EventEmitter {
  /** `osd-test-node`, or `osd-test-node-<i>` in a cluster. */
  readonly nodeName: string;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  readonly transportPort: number;
  /** PID of the current java process (changes after restart()). */
  readonly pid: number;
  /** The node home folder (path.home); data is in <dataDir>/data. */
  readonly dataDir: string;
  /** stdout+stderr of the java process, appended across restarts. */
  readonly logFile: string;
  /** Milliseconds from spawn to yellow for the last (re)start. */
  readonly startupMs: number;
  /** SIGTERM to this PID, SIGKILL after 20 s; removes the home only if startOpenSearch created it. */
  stop(): Promise<void>;
  /** SIGKILL at once (simulated crash). Data is kept; call stop() afterwards to clean up. */
  kill9(): void;
  /** Stops and starts again on the same ports and data; resolves with this same object once yellow. */
  restart(): Promise<OpenSearchNode>;
  /** Last lines printed by the java process. */
  outputTail(lines?: number): string;
  on(event: 'exit', listener: (info: { code: number | null; signal: NodeJS.Signals | null; expected: boolean }) => void): this;
}

export interface StartOpenSearchClusterOptions {
  /** How many nodes (each its own JVM); default 3. */
  nodes?: number;
  /** HTTP port of the first node; the others get port + 1, port + 2, ... Free ports when missing. */
  port?: number;
  /** Parent folder of the node homes (`node-1`, `node-2`, ...), kept on stop(). Temp folders when missing. */
  dataDir?: string;
  clusterName?: string;
  startTimeoutMs?: number;
  log?: LogFn;
}

export interface OpenSearchCluster {
  readonly nodes: OpenSearchNode[];
  /** The members' HTTP URLs, in node order. */
  readonly urls: string[];
  /** Resolves once a live member reports this status (or better) with every member joined. */
  waitForHealth(status?: 'green' | 'yellow', timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export function buildLauncher(options?: { log?: LogFn }): Promise<void>;
export function startOpenSearch(options?: StartOpenSearchOptions): Promise<OpenSearchNode>;
export function startOpenSearchCluster(options?: StartOpenSearchClusterOptions): Promise<OpenSearchCluster>;
export function findFreePorts(count: number): Promise<number[]>;
