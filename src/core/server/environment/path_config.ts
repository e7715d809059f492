import { schema, TypeOf } from '@osd/config-schema';
import { resolve } from 'path';

/**
 * `path.*`: where the server keeps its data. Relative paths resolve against the working directory; an empty
 * string would resolve to the working directory itself, so it is refused.
 */
export const pathConfig = {
  path: 'path',
  schema: schema.object({
    data: schema.string({ defaultValue: 'data', minLength: 1 }),
  }),
};

export type PathConfigType = TypeOf<typeof pathConfig.schema>;

export function resolveDataPath(config: PathConfigType, cwd = process.cwd()) {
  return resolve(cwd, config.data);
}
