import { schema } from '@osd/config-schema';
import type { CoreUsageCounterSink } from '../../core_usage_data/types';
import { IRouter, OpenSearchDashboardsResponseFactory } from '../../http';
import { CannotOverrideError, UiSettingsValidationError } from '../ui_settings_errors';

const settingsPath = '/api/opensearch-dashboards/settings';

/**
 * Maps the settings client's own errors (schema, bounds of `user_value_limits`, overrides) to 400 with the
 * client's message, which names the setting; anything else is a real failure and a logged 500.
 */
async function run(response: OpenSearchDashboardsResponseFactory, work: () => Promise<unknown>) {
  try {
    return response.ok({ body: (await work()) as object });
  } catch (e) {
    if (e instanceof UiSettingsValidationError || e instanceof CannotOverrideError) {
      return response.badRequest({ body: e.message });
    }
    throw e;
  }
}

/**
 * Who may call these (read by a security plugin's authorization, e.g. the built-in one): reading needs
 * `ui_settings:read`; writing needs `ui_settings:write` and leaves an audit line.
 */
const READ = ['access:ui_settings:read'];
const WRITE = ['access:ui_settings:write', 'audit:ui_settings_write'];

export interface UiSettingsRoutesDeps {
  /** Where each call is counted as `uiSettings.<method>`: an in-memory increment that never fails a request. */
  usageCounter?: CoreUsageCounterSink;
}

/** Upstream's settings API: read all user values, set many, set one, delete one. */
export function registerUiSettingsRoutes(router: IRouter, { usageCounter }: UiSettingsRoutesDeps = {}) {
  const count = (method: string) => usageCounter?.incrementUsageCounter({ counterName: `uiSettings.${method}` });
  router.get({ path: settingsPath, validate: false, options: { tags: READ } }, async (context, _request, response) => {
    count('get');
    const client = context.core.uiSettings.client;
    return run(response, async () => ({ settings: await client.getUserProvided() }));
  });

  router.post(
    {
      path: settingsPath,
      validate: { body: schema.object({ changes: schema.object({}, { unknowns: 'allow' }) }) },
      options: { tags: WRITE },
    },
    async (context, request, response) => {
      count('setMany');
      const client = context.core.uiSettings.client;
      return run(response, async () => {
        await client.setMany(request.body.changes);
        return { settings: await client.getUserProvided() };
      });
    }
  );

  router.post(
    {
      path: `${settingsPath}/{key}`,
      validate: {
        params: schema.object({ key: schema.string() }),
        body: schema.object({ value: schema.any() }),
      },
      options: { tags: WRITE },
    },
    async (context, request, response) => {
      count('set');
      const client = context.core.uiSettings.client;
      return run(response, async () => {
        await client.setMany({ [request.params.key]: request.body.value });
        return { settings: await client.getUserProvided() };
      });
    }
  );

  router.delete(
    { path: `${settingsPath}/{key}`, validate: { params: schema.object({ key: schema.string() }) }, options: { tags: WRITE } },
    async (context, request, response) => {
      count('delete');
      const client = context.core.uiSettings.client;
      return run(response, async () => {
        await client.remove(request.params.key);
        return { settings: await client.getUserProvided() };
      });
    }
  );
}
