/** The config file naming the roots to scan, looked up in the working directory and in each root given as argument. */
export const TELEMETRY_RC = '.telemetryrc.json';

/** The schema key that stands for every key of a record (`{ [appId: string]: X }` ↔ `{ DYNAMIC_KEY: schemaOf<X> }`). */
export const DYNAMIC_KEY = 'DYNAMIC_KEY';

/** The schema key holding a node's documentation (`{ description }`); never a field. */
export const META_KEY = '_meta';

/** The leaf types a schema may declare. */
export const ALLOWED_SCHEMA_TYPES = ['keyword', 'text', 'number', 'boolean', 'long', 'date', 'float'] as const;
export type AllowedSchemaType = (typeof ALLOWED_SCHEMA_TYPES)[number];

/** Prefix of every message the tools print on failure, as upstream's red badge reads. */
export const ERROR_BADGE = ' TELEMETRY ERROR ';

/**
 * What a collector's data is (docs/consent.md): `operational` (health, versions, sizes, config) may leave at the
 * `operational` consent level and above; `usage` (what people do) at `full` only. A collector that declares none
 * counts as `usage` at run time.
 */
export const COLLECTOR_CATEGORIES = ['operational', 'usage'] as const;
export type CollectorCategory = (typeof COLLECTOR_CATEGORIES)[number];

/** The consent levels at which a category's data is sent, as the data dictionary states it. */
export const CATEGORY_SENT_AT: Record<CollectorCategory, string> = {
  operational: 'sent at the operational and full levels',
  usage: 'sent at the full level only',
};
