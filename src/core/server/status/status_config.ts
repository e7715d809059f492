import { schema, TypeOf } from '@osd/config-schema';

/** `status.*`, upstream's key. */
export const statusConfig = {
  path: 'status',
  schema: schema.object({
    /**
     * With authentication on, `GET /api/status` tells an anonymous caller only the overall level (what a load
     * balancer needs); `true` gives anonymous callers the whole answer (name, uuid, version, metrics).
     */
    allowAnonymous: schema.boolean({ defaultValue: false }),
  }),
};

export type StatusConfigType = TypeOf<typeof statusConfig.schema>;
