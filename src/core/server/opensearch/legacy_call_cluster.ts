import type { Client } from '@opensearch-project/opensearch';
import type { LegacyAPICaller, LegacyCallAPIOptions } from './types';

type ApiMethod = (params?: Record<string, unknown>, options?: Record<string, unknown>) => Promise<{ body: unknown }> & {
  abort?: () => void;
};

const isFunction = (value: unknown): value is (...args: any[]) => any => typeof value === 'function';
const ownValue = (target: object, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(target, key) ? (target as Record<string, unknown>)[key] : undefined;

/**
 * The client method an endpoint names: `info`, `search`, `cluster.stats`, `nodes.usage`,
 * `indices.stats`..., and upstream's `transport.request` ({ method, path, body, querystring }).
 * Only API methods resolve: the client keeps them as its own properties (namespaces as its own
 * getters), so `close`, `child`, `extend` or `helpers` cannot be reached through an endpoint name.
 */
export function resolveEndpoint(client: Client, endpoint: string): ApiMethod {
  if (endpoint === 'transport.request') {
    return (params = {}, options) => client.transport.request(params as never, options) as never;
  }
  const path = endpoint.split('.');
  let method: unknown;
  if (path.length === 1) {
    method = ownValue(client, path[0]);
  } else if (path.length === 2 && Object.prototype.hasOwnProperty.call(client, path[0])) {
    const namespace = (client as unknown as Record<string, unknown>)[path[0]];
    if (namespace && typeof namespace === 'object' && !['transport', 'serializer', 'connectionPool', 'helpers'].includes(path[0])) {
      method = ownValue(namespace, path[1]);
    }
  }
  if (!isFunction(method)) {
    throw new Error(`called with an invalid endpoint: ${endpoint}`);
  }
  return method as ApiMethod;
}

const camelToSnake = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/**
 * Legacy params as the current client takes them. The legacy client accepted camelCase names
 * (`filterPath`, `ignoreUnavailable`) and request options among the params (`ignore: [404]`,
 * `requestTimeout`); client 3.x only takes snake_case params and wants the options apart. Keys of
 * `body` are never touched.
 */
export function toClientParams(legacyParams: Record<string, unknown> = {}) {
  const params: Record<string, unknown> = {};
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(legacyParams)) {
    if (key === 'ignore') {
      options.ignore = Array.isArray(value) ? value : [value];
    } else if (key === 'requestTimeout' || key === 'maxRetries') {
      options[key] = value;
    } else {
      params[key === 'body' ? key : camelToSnake(key)] = value;
    }
  }
  return { params, options };
}

/** A `callCluster` over `client`: resolves with the response body. */
export function createLegacyCallCluster(client: Client): LegacyAPICaller {
  return async <T>(endpoint: string, clientParams: Record<string, unknown> = {}, callOptions: LegacyCallAPIOptions = {}) => {
    const method = resolveEndpoint(client, endpoint);
    const { params, options } = toClientParams(clientParams);
    const { signal } = callOptions;
    if (signal?.aborted) {
      throw new Error('Request was aborted');
    }
    const request = method(params, options);
    const abort = () => request.abort?.();
    signal?.addEventListener('abort', abort, { once: true });
    try {
      const { body } = await request;
      return body as T;
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  };
}
