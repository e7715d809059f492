/* Shared by this folder's tests. */
import { opensearchConfig, type OpenSearchConfigType } from '../core_config';
import type { Logger } from '../logging/types';

/** `opensearch.*` as the config service would hand it over, from raw (YAML-like) values. */
export function configFor(raw: Record<string, unknown> = {}): OpenSearchConfigType {
  return opensearchConfig.schema.validate(raw) as OpenSearchConfigType;
}

/** A logger recording `level message` lines. */
export function recordingLogger(lines: string[] = []): Logger {
  const logger: Logger = {
    trace: (m) => void lines.push(`trace ${m}`),
    debug: (m) => void lines.push(`debug ${m}`),
    info: (m) => void lines.push(`info ${m}`),
    warn: (m) => void lines.push(`warn ${m}`),
    error: (m) => void lines.push(`error ${m}`),
    fatal: (m) => void lines.push(`fatal ${m}`),
    get: () => logger,
  };
  return logger;
}
