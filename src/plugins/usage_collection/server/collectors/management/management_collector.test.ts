import { savedObjectsClientMock, uiSettingsServiceMock } from '../../../../../core/server/mocks';
import { usageCollectionPluginMock } from '../../mocks';
import { buildManagementSchema, registerManagementUsageCollector } from './management_collector';

const registered: any = {
  'theme:darkMode': { type: 'boolean', value: false },
  'discover:sampleSize': { type: 'number', value: 500 },
  dateFormat: { type: 'string', value: 'MMM D' },
  'format:defaultTypeMap': { type: 'json', value: '{}' },
  'timepicker:quickRanges': { type: 'array', value: [] },
  customLogo: { type: 'image', value: null },
  'secret:token': { type: 'string', value: '', sensitive: true },
  'untyped:flag': { value: true },
  buildNum: { value: 1 },
};

describe('stack_management collector', () => {
  it('declares each non-sensitive, reportable setting with the type of its value', () => {
    expect(buildManagementSchema(registered)).toEqual({
      'theme:darkMode': 'boolean',
      'discover:sampleSize': 'float',
      dateFormat: 'keyword',
      'format:defaultTypeMap': 'keyword',
      'timepicker:quickRanges': { type: 'array', items: 'keyword' },
      'untyped:flag': 'boolean',
    });
  });

  it('reports the values users set, and nothing else', async () => {
    const userProvided = {
      'theme:darkMode': { userValue: true },
      'secret:token': { userValue: 's3cr3t' },
      'removed:plugin': { userValue: 'left behind' },
      dateFormat: { isOverridden: true },
      buildNum: { userValue: 9 },
    };
    const client = uiSettingsServiceMock.createClient();
    client.getRegistered.mockReturnValue(registered);
    client.getUserProvided.mockResolvedValue(userProvided);
    const uiSettings = uiSettingsServiceMock.createStartContract(client);
    const soClient = savedObjectsClientMock.create();
    const usageCollection = usageCollectionPluginMock.createSetupContract();
    registerManagementUsageCollector(usageCollection, uiSettings, () => soClient);
    const results = await usageCollection.bulkFetch();
    expect(usageCollection.toObject(results)).toMatchObject({ stack_management: { 'theme:darkMode': true } });
    expect(JSON.stringify(results)).not.toContain('s3cr3t');
    expect(Object.keys((results[0].result as object) ?? {})).toEqual(['theme:darkMode']);
  });
});
