import type { SavedObjectsClientContract, UiSettingsServiceStart } from '../../../../../core/server';
import type { SchemaNode, SchemaObjectNode } from '../../collector';
import type { UsageCollectionSetup } from '../../types';

type RegisteredSettings = ReturnType<ReturnType<UiSettingsServiceStart['asScopedToClient']>['getRegistered']>;
type RegisteredSetting = RegisteredSettings[string];

/** Settings never reported, whatever their type (upstream leaves out `buildNum`). */
const EXCLUDED = new Set(['buildNum']);

/** The schema type of one registered setting's value; undefined when it is never reported. */
function schemaOfSetting(setting: RegisteredSetting): SchemaNode | undefined {
  if (setting.sensitive) return undefined;
  switch (setting.type) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'float';
    case 'string':
    case 'select':
    case 'markdown':
    case 'json':
      return 'keyword';
    case 'array':
      return { type: 'array', items: 'keyword' };
    case 'image':
      // A data URL: large, and possibly personal.
      return undefined;
    default:
      break;
  }
  switch (typeof setting.value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'float';
    case 'string':
      return 'keyword';
    default:
      return undefined;
  }
}

/**
 * The schema of `stack_management`, from the settings registered by every plugin: each non-sensitive
 * setting is declared with the type of its value, so only those can be reported.
 */
export function buildManagementSchema(registered: RegisteredSettings): SchemaObjectNode {
  const schema: SchemaObjectNode = {};
  for (const [key, setting] of Object.entries(registered)) {
    if (EXCLUDED.has(key)) continue;
    const node = schemaOfSetting(setting);
    if (node !== undefined) schema[key] = node;
  }
  return schema;
}

/**
 * Registers `stack_management`: the advanced settings a user changed, `{ [key]: userValue }`. Called at
 * start, when every plugin has registered its settings, because the schema is built from them.
 */
export function registerManagementUsageCollector(
  usageCollection: UsageCollectionSetup,
  uiSettings: UiSettingsServiceStart,
  getSavedObjectsClient: () => SavedObjectsClientContract | undefined
) {
  const internalClient = getSavedObjectsClient();
  const registered = internalClient ? uiSettings.asScopedToClient(internalClient).getRegistered() : {};
  const schema = buildManagementSchema(registered);
  const collector = usageCollection.makeUsageCollector<Record<string, unknown>>({
    type: 'stack_management',
    category: 'usage',
    // Built at run time from the registered settings, so not typed against the data.
    schema: schema as any,
    isReady: () => getSavedObjectsClient() !== undefined,
    fetch: async (_callCluster, _opensearchClient, { savedObjectsClient }) => {
      const client = savedObjectsClient ?? getSavedObjectsClient();
      if (!client) return undefined;
      const userProvided = await uiSettings.asScopedToClient(client).getUserProvided();
      const usage: Record<string, unknown> = Object.create(null);
      for (const [key, { userValue }] of Object.entries(userProvided)) {
        // Only registered settings: a value left behind by a removed plugin is not this collector's mistake.
        if (userValue !== undefined && Object.prototype.hasOwnProperty.call(schema, key)) usage[key] = userValue;
      }
      return usage;
    },
  });
  usageCollection.registerCollector(collector);
}
