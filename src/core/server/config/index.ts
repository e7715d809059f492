export { ConfigService } from './config_service';
export type { ConfigPath, ServiceConfigDescriptor } from './config_service';
export { ConfigError } from './config_error';
export { createEnv } from './env';
export type { Env, EnvMode, PackageInfo, CliArgs } from './env';
export { loadRawConfig, ensureDeepObject, flattenKeys, readYamlConfig } from './raw_config';
export type { RawConfig, KeySources } from './raw_config';
export { MAX_TIMER_MS, timerDuration } from './limits';
