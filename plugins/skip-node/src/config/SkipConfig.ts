import type { Config } from '@backstage/config';
import fs from 'node:fs';
import { ClusterMetadata } from '@internal/plugin-skip-common';
import { z } from 'zod';
import {
  ArgoInstance,
  ClusterConnection,
  clusterConnectionSchema,
  ConnectGateway,
  skipConfigSchema,
} from './skipConfigSchema';

/** A cluster the suite works with: what it is and how to reach it. */
export type ConfiguredCluster = {
  metadata: ClusterMetadata;
  connection: ClusterConnection;
  /** The `skip.connectGateways` entry the cluster is reached through; none when reached directly. */
  connectGateway?: string;
};

/** A config value that fails validation; the message names the key, e.g. `skip.clusters[1].environment`. */
export class SkipConfigError extends Error {
  name = 'SkipConfigError';
}

function keyOf(prefix: string, path: PropertyKey[]): string {
  return path.reduce<string>(
    (key, part) =>
      typeof part === 'number' ? `${key}[${part}]` : `${key}.${String(part)}`,
    prefix,
  );
}

function parse<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
  prefix: string,
): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map(
      issue => `${keyOf(prefix, issue.path)}: ${issue.message}`,
    );
    throw new SkipConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return result.data;
}

/**
 * The suite's configuration, read once and validated: clusters joined with how to reach
 * them (the standard `kubernetes.clusterLocatorMethods` block), Argo CD instances and the
 * platform team. Anything wrong throws a {@link SkipConfigError} naming the key.
 */
export class SkipConfig {
  private constructor(
    readonly clusters: ConfiguredCluster[],
    readonly argoInstances: ArgoInstance[],
    readonly platformTeamGroups: string[],
    /** Namespaces only the platform team may look into (names, or prefixes ending with `*`). */
    readonly systemNamespaces: string[],
    /** Connect gateways and their quotas; clusters name theirs in `connectGateway`. */
    readonly connectGateways: ConnectGateway[],
  ) {}

  static fromConfig(config: Config): SkipConfig {
    const skip = parse(
      skipConfigSchema,
      config.getOptional('skip') ?? {},
      'skip',
    );
    const connections = SkipConfig.readConnections(config);

    const gateways = new Set<string>();
    for (const [index, gateway] of skip.connectGateways.entries()) {
      if (gateways.has(gateway.name)) {
        throw new SkipConfigError(
          `Invalid configuration: skip.connectGateways[${index}].name: gateway '${gateway.name}' is listed twice`,
        );
      }
      gateways.add(gateway.name);
    }

    const seen = new Set<string>();
    const clusters: ConfiguredCluster[] = [];
    for (const [index, entry] of skip.clusters.entries()) {
      const { connectGateway, ...metadata } = entry;
      if (seen.has(metadata.name)) {
        throw new SkipConfigError(
          `Invalid configuration: skip.clusters[${index}].name: cluster '${metadata.name}' is listed twice`,
        );
      }
      seen.add(metadata.name);
      const connection = connections.get(metadata.name);
      if (!connection) {
        throw new SkipConfigError(
          `Invalid configuration: skip.clusters[${index}].name: no cluster '${metadata.name}' in kubernetes.clusterLocatorMethods (type config)`,
        );
      }
      if (connectGateway !== undefined && !gateways.has(connectGateway)) {
        throw new SkipConfigError(
          `Invalid configuration: skip.clusters[${index}].connectGateway: unknown gateway '${connectGateway}' (not in skip.connectGateways)`,
        );
      }
      clusters.push(
        connectGateway === undefined
          ? { metadata, connection }
          : { metadata, connection, connectGateway },
      );
    }
    for (const [index, metadata] of skip.clusters.entries()) {
      if (metadata.adminCluster && !seen.has(metadata.adminCluster)) {
        throw new SkipConfigError(
          `Invalid configuration: skip.clusters[${index}].adminCluster: unknown cluster '${metadata.adminCluster}'`,
        );
      }
    }
    const instanceNames = new Set<string>();
    const instanceClusters = new Set<string>();
    for (const [index, instance] of skip.argocd.instances.entries()) {
      const key = `Invalid configuration: skip.argocd.instances[${index}]`;
      if (!seen.has(instance.cluster)) {
        throw new SkipConfigError(
          `${key}.cluster: unknown cluster '${instance.cluster}'`,
        );
      }
      if (instanceNames.has(instance.name)) {
        throw new SkipConfigError(
          `${key}.name: instance '${instance.name}' is listed twice`,
        );
      }
      const place = `${instance.cluster}/${instance.namespace}`;
      if (instanceClusters.has(place)) {
        throw new SkipConfigError(
          `${key}.namespace: namespace '${instance.namespace}' of cluster '${instance.cluster}' already holds an Argo CD instance`,
        );
      }
      instanceNames.add(instance.name);
      instanceClusters.add(place);
    }
    return new SkipConfig(
      clusters,
      skip.argocd.instances,
      skip.platformTeamGroups,
      skip.systemNamespaces,
      skip.connectGateways,
    );
  }

  private static readConnections(
    config: Config,
  ): Map<string, ClusterConnection> {
    const connections = new Map<string, ClusterConnection>();
    const methods =
      config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
    for (const [m, method] of methods.entries()) {
      if (method.getString('type') !== 'config') continue;
      const parsed = parse(
        z.array(clusterConnectionSchema.passthrough()),
        method.getOptional('clusters') ?? [],
        `kubernetes.clusterLocatorMethods[${m}].clusters`,
      );
      for (const [c, connection] of parsed.entries()) {
        const key = `kubernetes.clusterLocatorMethods[${m}].clusters[${c}]`;
        // The portal watches with its own identity: a token it can send on every request.
        if (connection.authProvider !== 'serviceAccount') {
          throw new SkipConfigError(
            `Invalid configuration: ${key}.authProvider: '${connection.authProvider}' is not supported by SKIP; use serviceAccount with serviceAccountToken`,
          );
        }
        if (!connection.serviceAccountToken) {
          throw new SkipConfigError(
            `Invalid configuration: ${key}.serviceAccountToken: required for cluster '${connection.name}'`,
          );
        }
        if (connection.caFile && !connection.caData) {
          try {
            connection.caData = fs
              .readFileSync(connection.caFile)
              .toString('base64');
          } catch (error) {
            throw new SkipConfigError(
              `Invalid configuration: ${key}.caFile: cannot read '${
                connection.caFile
              }': ${(error as Error).message}`,
            );
          }
        }
        connections.set(connection.name, connection);
      }
    }
    return connections;
  }

  cluster(name: string): ConfiguredCluster | undefined {
    return this.clusters.find(c => c.metadata.name === name);
  }
}
