/* The kit's mocks of the smaller services: UI settings, capabilities, status, metrics, core usage data. */
import { BehaviorSubject, Subject } from 'rxjs';
import type { Capabilities, CapabilitiesSetup, CapabilitiesStart } from '../capabilities';
import type { CoreUsageDataSetup, CoreUsageDataStart } from '../core_usage_data';
import type { MetricsServiceSetup, MetricsServiceStart, OpsMetrics } from '../metrics';
import { ServiceStatusLevels, type CoreStatus, type ServiceStatus, type StatusServiceSetup } from '../status';
import type { IUiSettingsClient, UiSettingsServiceSetup, UiSettingsServiceStart } from '../ui_settings';
import { mockOf } from './mock_of';

const noop = async (): Promise<any> => undefined;

/** A settings client over an in-memory map: `get` answers what the test put in `values`, writes change it. */
function createUiSettingsClient(values: Record<string, unknown> = {}): jest.Mocked<IUiSettingsClient> {
  const stored: Record<string, any> = { ...values };
  return mockOf<IUiSettingsClient>({
    getRegistered: () => ({}),
    get: async (key) => stored[key],
    getAll: async () => ({ ...stored }),
    getUserProvided: async () => Object.fromEntries(Object.entries(stored).map(([key, userValue]) => [key, { userValue }])),
    setMany: async (changes) => void Object.assign(stored, changes),
    set: async (key, value) => void (stored[key] = value),
    remove: async (key) => void delete stored[key],
    removeMany: async (keys) => keys.forEach((key) => delete stored[key]),
    isOverridden: () => false,
    isSensitive: () => false,
  });
}

function createUiSettingsStart(client = createUiSettingsClient()): jest.Mocked<UiSettingsServiceStart> {
  return mockOf<UiSettingsServiceStart>({ asScopedToClient: () => client });
}

export const uiSettingsServiceMock = {
  createClient: createUiSettingsClient,
  createSetupContract: (): jest.Mocked<UiSettingsServiceSetup> => mockOf<UiSettingsServiceSetup>({ register: () => undefined }),
  createStartContract: createUiSettingsStart,
};

const createCapabilities = (): Capabilities => ({ navLinks: {}, management: {}, catalogue: {} });

export const capabilitiesServiceMock = {
  createCapabilities,
  createSetupContract: (): jest.Mocked<CapabilitiesSetup> =>
    mockOf<CapabilitiesSetup>({ registerProvider: () => undefined, registerSwitcher: () => undefined }),
  createStartContract: (capabilities: Capabilities = createCapabilities()): jest.Mocked<CapabilitiesStart> =>
    mockOf<CapabilitiesStart>({ resolveCapabilities: async () => capabilities }),
};

const available = (summary: string): ServiceStatus => ({ level: ServiceStatusLevels.available, summary });

/** Everything available; the subjects are exposed so a test can change a status. */
function createStatusSetup() {
  const core$ = new BehaviorSubject<CoreStatus>({ savedObjects: available('saved objects available'), opensearch: available('opensearch available') });
  const overall$ = new BehaviorSubject<ServiceStatus>(available('all services are available'));
  const dependencies$ = new BehaviorSubject<Record<string, ServiceStatus>>({});
  const setup = mockOf<StatusServiceSetup>({ core$, overall$, dependencies$, set: () => undefined });
  return Object.assign(setup, { subjects: { core$, overall$, dependencies$ } });
}

export const statusServiceMock = { createSetupContract: createStatusSetup };

/** `getOpsMetrics$` emits what the test pushes into `ops$`. */
function createMetrics() {
  const ops$ = new Subject<OpsMetrics>();
  const metrics = mockOf<MetricsServiceSetup>({ collectionInterval: 5000, getOpsMetrics$: () => ops$.asObservable() });
  return Object.assign(metrics, { ops$ });
}

export const metricsServiceMock = {
  createSetupContract: createMetrics,
  createStartContract: (): jest.Mocked<MetricsServiceStart> => createMetrics(),
};

export const coreUsageDataServiceMock = {
  createSetupContract: (): jest.Mocked<CoreUsageDataSetup> => mockOf<CoreUsageDataSetup>({ registerUsageCounter: () => undefined }),
  /** `getCoreUsageData` resolves undefined: give it a value with `mockResolvedValue` when the test reads it. */
  createStartContract: (): jest.Mocked<CoreUsageDataStart> => mockOf<CoreUsageDataStart>({ getCoreUsageData: noop }),
};
