/*
 * A third-party plugin shipped as compiled JavaScript: the host must load it from --plugin-path with no build
 * step. It registers a config schema, saved-object types, a UI setting and a few routes.
 */
const { schema } = require('@osd/config-schema');

const LEDGER_TYPE = 'test-ledger';
const LEDGER_SECRET = 'test-ledger-secret-value';

const config = {
  schema: schema.object({
    greeting: schema.string({ defaultValue: 'hello' }),
  }),
  exposeToBrowser: { greeting: true },
};

class TestPlugin {
  constructor(initializerContext) {
    this.context = initializerContext;
    this.logger = initializerContext.logger.get();
  }

  setup(core, deps) {
    const greeting = this.context.config.get().greeting;
    core.savedObjects.registerType({
      name: 'test-note',
      hidden: false,
      namespaceType: 'single',
      mappings: { properties: { text: { type: 'text' } } },
    });
    // For the saved objects API suite: a visible type with a text, a number and a keyword to search and sort on…
    core.savedObjects.registerType({
      name: 'test-thing',
      hidden: false,
      namespaceType: 'single',
      mappings: { properties: { title: { type: 'text' }, rank: { type: 'integer' }, tag: { type: 'keyword' } } },
    });
    // …and a hidden one holding a secret (filled at start), standing for any plugin's private ledger.
    core.savedObjects.registerType({
      name: LEDGER_TYPE,
      hidden: true,
      namespaceType: 'agnostic',
      mappings: { properties: { title: { type: 'text' }, secret: { type: 'keyword' } } },
    });
    core.uiSettings.register({
      'testPlugin:pageSize': {
        name: 'Test page size',
        value: 10,
        type: 'number',
        category: ['general'],
        description: 'How many rows the test plugin shows',
        schema: schema.number({ min: 1, max: 100 }),
      },
    });

    // What the page may offer, and a per-request switch (as a security plugin would turn things off per user).
    core.capabilities.registerProvider(() => ({ testPlugin: { show: true, edit: true } }));
    core.capabilities.registerSwitcher((request) =>
      request.headers['x-test-readonly'] === 'true' ? { testPlugin: { edit: false }, advancedSettings: { save: false } } : {}
    );

    const router = core.http.createRouter();
    router.get({ path: '/api/test_plugin/hello', validate: false }, async (_context, _request, response) =>
      response.ok({ body: { greeting, deps: Object.keys(deps).sort(), instanceUuid: this.context.env.instanceUuid } })
    );
    router.post(
      {
        path: '/api/test_plugin/notes/{id}',
        validate: { params: schema.object({ id: schema.string() }), body: schema.object({ text: schema.string() }) },
      },
      async (context, request, response) => {
        const note = await context.core.savedObjects.client.create(
          'test-note',
          { text: request.body.text },
          { id: request.params.id, overwrite: true }
        );
        return response.ok({ body: note });
      }
    );
    router.get(
      { path: '/api/test_plugin/notes/{id}', validate: { params: schema.object({ id: schema.string() }) } },
      router.handleLegacyErrors(async (context, request, response) => {
        const note = await context.core.savedObjects.client.get('test-note', request.params.id);
        return response.ok({ body: note });
      })
    );
    router.get({ path: '/api/test_plugin/setting', validate: false }, async (context, _request, response) =>
      response.ok({ body: { pageSize: await context.core.uiSettings.client.get('testPlugin:pageSize') } })
    );
    this.logger.info('test plugin set up');
    return { greeting };
  }

  async start(core) {
    const ledger = core.savedObjects.createInternalRepository([LEDGER_TYPE]);
    await ledger.create(LEDGER_TYPE, { title: 'ledger entry', secret: LEDGER_SECRET }, { id: 'entry-1', overwrite: true });
    return {};
  }

  stop() {
    this.logger.info('test plugin stopped');
  }
}

module.exports = { config, plugin: (initializerContext) => new TestPlugin(initializerContext) };
