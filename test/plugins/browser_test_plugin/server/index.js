/*
 * The server half of the browser test plugin (plain JavaScript, loaded from --plugin-path): a config with one
 * key exposed to the browser, settings of every editor type, and an echo route for the browser's http client.
 */
const { schema } = require('@osd/config-schema');

const config = {
  schema: schema.object({
    greeting: schema.string({ defaultValue: 'hello from the server config' }),
    secret: schema.string({ defaultValue: 'never sent to browsers' }),
  }),
  exposeToBrowser: { greeting: true },
};

const category = ['browserTest'];

class BrowserTestPlugin {
  setup(core) {
    core.uiSettings.register({
      'browserTest:pageSize': {
        name: 'Browser test page size',
        value: 10,
        type: 'number',
        category,
        description: 'Rows per page in the browser test app (1 to 100).',
        schema: schema.number({ min: 1, max: 100 }),
      },
      'browserTest:title': {
        name: 'Browser test title',
        value: 'Test title',
        type: 'string',
        category,
        description: 'A title of at most 40 characters.',
        schema: schema.string({ maxLength: 40 }),
      },
      'browserTest:enabled': {
        name: 'Browser test switch',
        value: true,
        type: 'boolean',
        category,
        description: 'A boolean shown as a switch.',
        schema: schema.boolean(),
      },
      'browserTest:color': {
        name: 'Browser test color',
        value: 'blue',
        type: 'select',
        options: ['red', 'green', 'blue'],
        optionLabels: { red: 'Red', green: 'Green', blue: 'Blue' },
        category,
        description: 'A choice from a list.',
        schema: schema.oneOf([schema.literal('red'), schema.literal('green'), schema.literal('blue')]),
      },
      'browserTest:options': {
        name: 'Browser test options',
        value: '{}',
        type: 'json',
        category,
        description: 'A JSON object.',
        requiresPageReload: true,
        schema: schema.string(),
      },
    });
    const router = core.http.createRouter();
    router.post(
      { path: '/api/browser_test/echo', validate: { body: schema.object({ message: schema.string() }) } },
      async (_context, request, response) =>
        response.ok({ body: { echo: request.body.message, xsrf: request.headers['osd-xsrf'] !== undefined } })
    );
    router.get({ path: '/api/browser_test/fail', validate: false }, async (_context, _request, response) =>
      response.badRequest({ body: 'The browser test route refused this on purpose' })
    );
  }

  start() {}
}

module.exports = { config, plugin: () => new BrowserTestPlugin() };
