import { schema, TypeOf } from '@osd/config-schema';

const levels = schema.oneOf([
  schema.literal('all'),
  schema.literal('trace'),
  schema.literal('debug'),
  schema.literal('info'),
  schema.literal('warn'),
  schema.literal('error'),
  schema.literal('fatal'),
  schema.literal('off'),
]);

/** `logging.*`: a root level, per-context levels, and the output format. Upstream's legacy flags are accepted. */
export const loggingConfigSchema = schema.object({
  root: schema.object({ level: levels }, { defaultValue: { level: 'info' } }),
  loggers: schema.arrayOf(schema.object({ context: schema.string(), level: levels }), {
    defaultValue: [],
  }),
  json: schema.boolean({ defaultValue: false }),
  /** Upstream's `logging.silent` / `logging.quiet` / `logging.verbose`. */
  silent: schema.boolean({ defaultValue: false }),
  quiet: schema.boolean({ defaultValue: false }),
  verbose: schema.boolean({ defaultValue: false }),
  dest: schema.string({ defaultValue: 'stdout' }),
});

export type LoggingConfigType = TypeOf<typeof loggingConfigSchema>;
export const loggingConfig = { path: 'logging', schema: loggingConfigSchema };
