import Joi from 'joi';
import type { AnySchema } from 'joi';
import { ByteSizeValue } from '../byte_size_value';
import type { Duration } from '../duration';
import { bytesExtension, durationExtension, streamExtension } from './value_types';
import {
  arrayExtension,
  mapExtension,
  objectExtension,
  recordExtension,
  IGNORE_UNKNOWNS_FLAG,
} from './structure_types';
import { registerUnionMembersAsSiblings, unionExtension } from './union';

export type { AnySchema };
export { IGNORE_UNKNOWNS_FLAG };
export { CustomValidationFailure, withCustomValidator } from './custom_validator';

type ByteSizeLimit = ByteSizeValue | string | number;

export interface BytesSchema extends AnySchema {
  min(limit: ByteSizeLimit): this;
  max(limit: ByteSizeLimit): this;
}

type DurationLimit = Duration | string | number;

export interface DurationSchema extends AnySchema {
  min(limit: DurationLimit): this;
  max(limit: DurationLimit): this;
}

export interface EntriesSchema extends AnySchema {
  entries(keySchema: AnySchema, valueSchema: AnySchema): this;
}

export interface UnionSchema extends AnySchema {
  members(members: AnySchema[]): this;
}

export type JoiRoot = Joi.Root & {
  bytes(): BytesSchema;
  duration(): DurationSchema;
  stream(): AnySchema;
  map(): EntriesSchema;
  record(): EntriesSchema;
  union(): UnionSchema;
};

/**
 * The joi root used by every schema type, extended with the types and coercions
 * `@osd/config-schema` needs.
 *
 * @internal
 */
export const internals = Joi.extend(
  bytesExtension,
  durationExtension,
  streamExtension,
  objectExtension,
  arrayExtension,
  mapExtension,
  recordExtension,
  unionExtension
) as JoiRoot;

registerUnionMembersAsSiblings(internals.union());
