import type { FastifyInstance } from 'fastify';
import type { IntakeDeps } from '../ingest/intake';

/** Bounds on what a client may send. */
export interface ReceiverLimits {
  /** One report (`/v2/reports`), in bytes. */
  maxReportBytes: number;
  /** One opt-in status post, in bytes. */
  maxOptInStatusBytes: number;
  /** Entries of one opt-in status post. */
  maxOptInStatusEntries: number;
  /** One export file (`/v2/import`), in bytes. */
  maxImportBytes: number;
  /** Reports of one export file. */
  maxImportReports: number;
  /** Ingest requests per client address per minute. */
  ingestPerMinute: number;
}

export const DEFAULT_LIMITS: ReceiverLimits = {
  maxReportBytes: 16 * 1024 * 1024,
  maxOptInStatusBytes: 256 * 1024,
  maxOptInStatusEntries: 1000,
  maxImportBytes: 256 * 1024 * 1024,
  maxImportReports: 10000,
  ingestPerMinute: 600,
};

/** What every route is given. */
export interface RouteDeps extends IntakeDeps {
  app: FastifyInstance;
  limits: ReceiverLimits;
  /** Collector type → declared leaf fields, for the coverage. */
  declaredFields: Record<string, number>;
  /** Checks the rate budget of an ingest request; answers 429 itself and returns false when over. */
  takeIngestBudget: (request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => boolean;
  /** Guards a read route (see read_access.ts); answers 401/403 itself and returns false when refused. */
  allowRead: (request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => boolean;
}
