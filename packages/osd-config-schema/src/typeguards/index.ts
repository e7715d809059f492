export { isConfigSchema } from './is_config_schema';
