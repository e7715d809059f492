import { schema } from '@osd/config-schema';
import type { CoreSetup, CoreStart, IRouter, IUiSettingsClient, Logger, PluginInitializerContext, SavedObjectsClientContract } from '.';
import type { ISavedObjectsRepository, SavedObjectsCounters, SavedObjectsType } from './saved_objects';
import {
  coreMock,
  httpServerMock,
  httpServiceMock,
  loggingSystemMock,
  savedObjectsClientMock,
  savedObjectsCountersMock,
  savedObjectsRepositoryMock,
  uiSettingsServiceMock,
} from './mocks';

describe('server core mocks', () => {
  it('are the contracts plugins get (checked by the type check: a contract change fails here)', () => {
    const setup: CoreSetup<{ dep: number }, string> = coreMock.createSetup({ pluginStartDeps: { dep: 1 }, pluginStartContract: 'own' });
    const start: CoreStart = coreMock.createStart();
    const router: IRouter = httpServiceMock.createRouter();
    const logger: Logger = loggingSystemMock.createLogger();
    const client: SavedObjectsClientContract = savedObjectsClientMock.create();
    const repository: ISavedObjectsRepository = savedObjectsRepositoryMock.create();
    const settings: IUiSettingsClient = uiSettingsServiceMock.createClient();
    const context: PluginInitializerContext<{ a: number }> = coreMock.createPluginInitializerContext({ a: 1 });
    const counters: SavedObjectsCounters = savedObjectsCountersMock.create();
    expect([setup, start, router, logger, client, repository, settings, context, counters].every((m) => typeof m === 'object')).toBe(true);
  });

  it('give the start services, with a start mock of the same options', async () => {
    const setup = coreMock.createSetup({ pluginStartDeps: { dep: 1 }, pluginStartContract: 'own', basePath: '/osd', opensearchConfigured: true });
    const [coreStart, deps, own] = await setup.getStartServices();
    expect([deps, own]).toEqual([{ dep: 1 }, 'own']);
    expect(coreStart.http.basePath.prepend('/app/home')).toBe('/osd/app/home');
    expect(coreStart.opensearch).toBeDefined();
    expect(setup.opensearch.isConfigured).toBe(true);
    expect(coreMock.createStart().opensearch).toBeUndefined();
  });

  it('hand out routers that record routes through the real router (its registration checks included)', async () => {
    const http = httpServiceMock.createSetupContract();
    const router = http.createRouter();
    router.get({ path: '/api/x/{id}', validate: { params: schema.object({ id: schema.string() }) } }, async (_c, req, res) => res.ok({ body: req.params }));
    expect(http.routers).toEqual([router]);
    expect(router.get).toHaveBeenCalledTimes(1);
    expect(() => router.get({ path: 'no-slash', validate: false }, async (_c, _r, res) => res.ok())).toThrow(/no-slash/);
    expect(() => router.getRoute('post', '/api/x/{id}')).toThrow('No route [POST /api/x/{id}] was registered (registered: GET /api/x/{id}).');

    const response = httpServerMock.createResponseFactory();
    const request = httpServerMock.createOpenSearchDashboardsRequest({ params: { id: 'a' }, path: '/api/x/a' });
    const answer = await router.getRoute('get', '/api/x/{id}').handler(coreMock.createRequestHandlerContext(), request, response);
    expect([answer.status, answer.payload]).toEqual([200, { id: 'a' }]);
    expect(response.ok).toHaveBeenCalledWith({ body: { id: 'a' } });
    expect(request.route).toEqual({ path: '/api/x/a', method: 'get', options: { xsrfRequired: true, authRequired: true, tags: [] } });
  });

  it('record what was logged, child loggers included', () => {
    const logger = loggingSystemMock.createLogger();
    logger.get('child').warn('careful');
    logger.error(new Error('broke'));
    expect(loggingSystemMock.collect(logger)).toMatchObject({ warn: ['careful'], error: ['broke'], info: [] });
    const context = coreMock.createPluginInitializerContext({ a: 1 });
    context.logger.get('x').info('hello');
    expect(context.loggerMock.info).toHaveBeenCalledWith('hello');
    expect(context.config.get()).toEqual({ a: 1 });
  });

  it('keep saved objects and settings honest: not found, nothing found, the settings a test put there', async () => {
    const client = savedObjectsClientMock.create();
    const error = await client.get('config', 'x').catch((e) => e);
    expect([client.errors.isNotFoundError(error), error.message]).toEqual([true, 'Saved object [config/x] not found']);
    expect((await client.find({ type: 'config' })).saved_objects).toEqual([]);
    const settings = uiSettingsServiceMock.createClient({ 'telemetry:optIn': true });
    expect(await settings.get('telemetry:optIn')).toBe(true);
    await settings.set('a', 1);
    expect(await settings.getUserProvided()).toEqual({ 'telemetry:optIn': { userValue: true }, a: { userValue: 1 } });
    const start = coreMock.createStart();
    expect(start.savedObjects.getScopedClient({})).toBe(start.savedObjects.client);
    expect(start.savedObjects.createInternalRepository()).toBe(start.savedObjects.repository);
    // The counters port stores nothing and never calls a commit listener back.
    await start.savedObjects.counters.increment({ increments: [{ type: 't', counterFieldName: 'n', counters: [{ id: 'a', incrementBy: 1 }] }] });
    expect(start.savedObjects.counters.increment).toHaveBeenCalledTimes(1);
    const listener = jest.fn();
    start.savedObjects.counters.onCommitted('t', 'n', listener)();
    await start.savedObjects.counters.flush();
    expect(listener).not.toHaveBeenCalled();
    const setup = coreMock.createSetup();
    const type: SavedObjectsType = { name: 't', hidden: false, namespaceType: 'agnostic', mappings: { properties: {} } };
    setup.savedObjects.registerType(type);
    expect(() => setup.savedObjects.registerType(type)).toThrow("Type 't' is already registered");
  });
});
