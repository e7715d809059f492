import { CapabilitiesService, coreCapabilities } from './capabilities_service';
import { mergeCapabilities } from './merge_capabilities';

const errors: string[] = [];
const logger: any = { error: (m: string) => errors.push(m), warn() {}, info() {}, debug() {}, get: () => logger };
const request = (user: string) => ({ headers: { 'x-user': user } }) as any;

describe('mergeCapabilities', () => {
  it('merges sections and management apps two levels deep', () => {
    const merged = mergeCapabilities(coreCapabilities(), { telemetry: { optIn: true }, management: { opensearchDashboards: { users: true } } });
    expect(merged.telemetry).toEqual({ optIn: true });
    expect(merged.management).toEqual({ opensearchDashboards: { settings: true, users: true } });
    expect(merged.advancedSettings).toEqual({ show: true, save: true });
  });

  it('refuses a key declared twice with different values, and non-boolean flags, naming the path', () => {
    expect(() => mergeCapabilities(coreCapabilities(), { advancedSettings: { save: false } })).toThrow('capability [advancedSettings.save] is declared twice with different values');
    expect(() => mergeCapabilities(coreCapabilities(), { x: { y: 'yes' } } as any)).toThrow('capability [x.y] must be a boolean, got string');
    expect(() => mergeCapabilities(coreCapabilities(), { x: 3 } as any)).toThrow('capabilities [x] must be an object of booleans');
    // The same value twice is fine; a switcher may change anything.
    expect(mergeCapabilities(coreCapabilities(), { advancedSettings: { save: true } }).advancedSettings.save).toBe(true);
    expect(mergeCapabilities(coreCapabilities(), { advancedSettings: { save: false } }, true).advancedSettings.save).toBe(false);
  });
});

describe('CapabilitiesService', () => {
  beforeEach(() => (errors.length = 0));

  it('resolves providers and per-request switchers', async () => {
    const service = new CapabilitiesService(logger);
    const setup = service.setup();
    setup.registerProvider(() => ({ telemetry: { optIn: true, readReport: true } }));
    setup.registerSwitcher((req, caps) =>
      req.headers['x-user'] === 'viewer' ? { advancedSettings: { save: false }, telemetry: { optIn: false, readReport: !caps.telemetry.optIn } } : {}
    );
    const start = service.start();
    const admin = await start.resolveCapabilities(request('admin'));
    const viewer = await start.resolveCapabilities(request('viewer'));
    expect(admin.telemetry).toEqual({ optIn: true, readReport: true });
    expect(admin.advancedSettings.save).toBe(true);
    expect(viewer.telemetry).toEqual({ optIn: false, readReport: false });
    expect(viewer.advancedSettings).toEqual({ show: true, save: false });
  });

  it('keeps the other switchers when one fails, and logs it', async () => {
    const service = new CapabilitiesService(logger);
    const setup = service.setup();
    setup.registerSwitcher(() => {
      throw new Error('switcher bug');
    });
    setup.registerSwitcher(() => ({ advancedSettings: { save: false } }));
    const caps = await service.start().resolveCapabilities(request('x'));
    expect(caps.advancedSettings.save).toBe(false);
    expect(errors).toEqual(['A capabilities switcher failed: switcher bug']);
  });

  it('fails the start on conflicting providers and refuses registration after start', () => {
    const service = new CapabilitiesService(logger);
    const setup = service.setup();
    setup.registerProvider(() => ({ a: { b: true } }));
    setup.registerProvider(() => ({ a: { b: false } }));
    expect(() => service.start()).toThrow('capability [a.b] is declared twice with different values');
    expect(() => setup.registerProvider(() => ({}))).toThrow('capabilities.registerProvider must be called during setup');
  });
});
