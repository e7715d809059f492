import { dirname, join } from 'path';
import type { Logger } from '../../../../../core/server';
import type { MakeSchemaFrom } from '../../collector';
import type { UsageCollectionSetup } from '../../types';
import { readTelemetryFile, TelemetryFileError } from './read_telemetry_file';

/*
 * `static_telemetry`: what a distribution writes into `telemetry.yml` beside the config file (a hosted
 * service's or an operator's ids and build). Upstream's shape; only these fields are ever reported, whatever
 * else the file holds.
 */

export interface LicenseUsage {
  uuid: string;
  type: string;
  issued_to: string;
  issuer: string;
  issue_date_in_millis: number;
  start_date_in_millis: number;
  expiry_date_in_millis: number;
  max_resource_units: number;
}

interface HostedDeploymentUsage {
  osd_uuid: string;
  opensearch_uuid: string;
  account_id: string;
  license: LicenseUsage;
}

export interface StaticTelemetryUsage {
  opensearchce?: HostedDeploymentUsage;
  opensearchs?: HostedDeploymentUsage;
  opensearchck?: {
    operator_uuid: string;
    operator_roles: string;
    custom_operator_namespace: boolean;
    distribution: string;
    build: { hash: string; date: string; version: string };
  };
}

const keyword = (description: string) => ({ type: 'keyword' as const, _meta: { description } });
const millis = (description: string) => ({ type: 'long' as const, _meta: { description } });

const licenseSchema: MakeSchemaFrom<LicenseUsage> = {
  uuid: keyword('License id'),
  type: keyword('License type'),
  issued_to: { type: 'text', _meta: { description: 'Who the license was issued to' } },
  issuer: { type: 'text', _meta: { description: 'Who issued the license' } },
  issue_date_in_millis: millis('When the license was issued, epoch ms'),
  start_date_in_millis: millis('When the license starts, epoch ms'),
  expiry_date_in_millis: millis('When the license expires, epoch ms'),
  max_resource_units: { type: 'long', _meta: { description: 'Resource units the license allows' } },
};

const hostedDeploymentSchema: MakeSchemaFrom<HostedDeploymentUsage> = {
  osd_uuid: keyword('The deployment\'s OpenSearch Dashboards id'),
  opensearch_uuid: keyword('The deployment\'s cluster id'),
  account_id: keyword('The hosting account'),
  license: licenseSchema,
};

export const staticTelemetrySchema: MakeSchemaFrom<StaticTelemetryUsage> = {
  opensearchce: hostedDeploymentSchema,
  opensearchs: hostedDeploymentSchema,
  opensearchck: {
    operator_uuid: keyword('The operator\'s id'),
    operator_roles: keyword('The operator\'s roles'),
    custom_operator_namespace: { type: 'boolean', _meta: { description: 'Whether the operator runs in its own namespace' } },
    distribution: { type: 'text', _meta: { description: 'The Kubernetes distribution' } },
    build: {
      hash: { type: 'text', _meta: { description: 'The operator build\'s commit' } },
      date: { type: 'date', _meta: { description: 'The operator build\'s date' } },
      version: keyword('The operator build\'s version'),
    },
  },
};

/** Where `telemetry.yml` may be: beside each config file the server read, in order (the first found wins). */
export function telemetryFileCandidates(configPaths: readonly string[]): string[] {
  return [...new Set(configPaths.map((path) => join(dirname(path), 'telemetry.yml')))];
}

/** Registers `static_telemetry`: reported only when a `telemetry.yml` is present (read at every fetch). */
export function registerStaticTelemetryCollector(usageCollection: UsageCollectionSetup, getConfigPaths: () => readonly string[], logger: Logger) {
  // One warning per distinct problem: a broken file would otherwise warn at every report and `/api/stats` call.
  const warned = new Set<string>();
  const collector = usageCollection.makeUsageCollector<StaticTelemetryUsage>({
    type: 'static_telemetry',
    // What the deployment is (distribution, build, license), written by whoever ships it: no user activity.
    category: 'operational',
    schema: staticTelemetrySchema,
    isReady: () => true,
    fetch: async () => {
      for (const candidate of telemetryFileCandidates(getConfigPaths())) {
        try {
          const content = await readTelemetryFile(candidate);
          if (content) return content as StaticTelemetryUsage;
        } catch (error) {
          if (!(error instanceof TelemetryFileError)) throw error;
          if (!warned.has(error.message)) logger.warn(`Ignoring telemetry.yml: ${error.message}`);
          warned.add(error.message);
        }
      }
      return undefined;
    },
  });
  usageCollection.registerCollector(collector);
}
