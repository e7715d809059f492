import type { ClientOptions } from '@opensearch-project/opensearch';
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { OpenSearchConfigType } from './opensearch_config';
import { OpenSearchServiceError } from './errors';

/** `opensearch.hosts` as a list (empty when not configured). */
export function hostsOf(config: Pick<OpenSearchConfigType, 'hosts'>): string[] {
  const { hosts } = config;
  return hosts === undefined ? [] : Array.isArray(hosts) ? [...hosts] : [hosts];
}

export interface ClientConfigDeps {
  /** Reads certificate files; `fs.readFileSync` by default (start-up only, so sync is fine). */
  readFile?: (path: string) => string;
}

/**
 * The client options for `opensearch.*`: hosts, timeouts, basic auth and TLS. Certificate files
 * are read here, once, so a wrong path fails the server's start naming the key, instead of every
 * request failing later.
 */
export function buildClientOptions(config: OpenSearchConfigType, deps: ClientConfigDeps = {}): ClientOptions {
  const readFile = deps.readFile ?? ((path: string) => readFileSync(path, 'utf8'));
  const read = (key: string, path: string) => {
    try {
      return readFile(path);
    } catch (error) {
      throw OpenSearchServiceError.invalidConfig(key, `cannot read [${path}]: ${(error as Error).message}`, error);
    }
  };

  const options: ClientOptions = {
    nodes: hostsOf(config),
    requestTimeout: config.requestTimeout.asMilliseconds(),
    pingTimeout: config.pingTimeout.asMilliseconds(),
  };
  if (config.sniffOnStart) options.sniffOnStart = true;
  if (config.sniffInterval !== false) options.sniffInterval = config.sniffInterval.asMilliseconds();
  if (config.sniffOnConnectionFault) options.sniffOnConnectionFault = true;

  if (config.password !== undefined && config.username === undefined) {
    throw OpenSearchServiceError.invalidConfig('password', 'is set but opensearch.username is not');
  }
  if (config.username !== undefined) {
    options.auth = { username: config.username, password: config.password ?? '' };
  }

  const { ssl } = config;
  const tls: ConnectionOptions = {};
  if (ssl.verificationMode === 'none') {
    tls.rejectUnauthorized = false;
  } else if (ssl.verificationMode === 'certificate') {
    // The chain must still be trusted; only the host name check is skipped (upstream's meaning).
    tls.rejectUnauthorized = true;
    tls.checkServerIdentity = () => undefined;
  }
  if (ssl.certificateAuthorities !== undefined) {
    const paths = Array.isArray(ssl.certificateAuthorities) ? ssl.certificateAuthorities : [ssl.certificateAuthorities];
    tls.ca = paths.map((path) => read('ssl.certificateAuthorities', path));
  }
  if ((ssl.certificate === undefined) !== (ssl.key === undefined)) {
    const [set, missing] = ssl.certificate === undefined ? ['key', 'certificate'] : ['certificate', 'key'];
    throw OpenSearchServiceError.invalidConfig(
      `ssl.${set}`,
      `is set without opensearch.ssl.${missing}; a client certificate needs both`
    );
  }
  if (ssl.certificate !== undefined && ssl.key !== undefined) {
    tls.cert = read('ssl.certificate', ssl.certificate);
    tls.key = read('ssl.key', ssl.key);
  }
  if (Object.keys(tls).length > 0) {
    options.ssl = tls;
  }
  return options;
}
