import type { Client } from '@opensearch-project/opensearch';
import { BehaviorSubject } from 'rxjs';
import { ServiceStatusLevels, type ServiceStatus } from '../status';
import type { IClusterClient, LegacyAPICaller, OpenSearchServiceSetup, OpenSearchServiceStart } from './types';

/* Typed stand-ins for the OpenSearch service contracts, for tests of code that consumes them. */

function createSetupContract(isConfigured = true): OpenSearchServiceSetup {
  const status: ServiceStatus = isConfigured
    ? { level: ServiceStatusLevels.available, summary: 'OpenSearch is available' }
    : { level: ServiceStatusLevels.available, summary: 'OpenSearch is not configured; the embedded store is in use' };
  return { isConfigured, status$: new BehaviorSubject(status) };
}

/**
 * A start contract whose legacy `callCluster` is a jest mock (resolve it per endpoint in the test),
 * and whose client is whatever the test passes (an object with the methods it needs).
 */
function createStartContract(client: Partial<Client> = {}) {
  const callCluster = jest.fn() as jest.MockedFunction<LegacyAPICaller>;
  const asInternalUser = client as Client;
  const clusterClient: jest.Mocked<IClusterClient> = {
    asInternalUser,
    asScoped: jest.fn((_request) => ({ asInternalUser, asCurrentUser: asInternalUser })),
  };
  const start: OpenSearchServiceStart & { callCluster: jest.MockedFunction<LegacyAPICaller> } = {
    client: clusterClient,
    legacy: { client: { callAsInternalUser: callCluster } },
    createLegacyCallCluster: jest.fn(() => callCluster),
    callCluster,
  };
  return start;
}

export const opensearchServiceMock = { createSetupContract, createStartContract };
