import { Readable } from 'node:stream';
import type { AccessPolicyLookup } from '../services/AccessPolicy/types';
import type { AppLookup } from '../services/AppLookup/types';
import type { ArgoActions } from '../services/ArgoActions/types';
import type { ArgoDetails } from '../services/ArgoDetails/types';
import type { ArgoDiff } from '../services/ArgoDiff/types';
import type { ClusterPages } from '../services/ClusterPages/types';
import type { PodLogs } from '../services/PodLogs/types';
import type { ResourceInspector } from '../services/ResourceInspector/types';
import type { ResourceTreeReader } from '../services/ResourceTree/types';

/** One call a route made to a service: which method, with which inputs (credentials left out). */
export type RecordedCall = { method: string; args: unknown[] };

/**
 * The four fleet services as a router test needs them: each call is recorded and answered
 * with an empty but valid value, so a test sees exactly what input reached the service.
 * Cluster behaviour is tested against the fleet simulator, not here.
 */
export function recordingServices() {
  const calls: RecordedCall[] = [];
  const record =
    <T>(method: string, answer: () => T) =>
    async (...args: unknown[]): Promise<T> => {
      // Credentials and the abort signal are not input; keep what the caller sent.
      calls.push({ method, args: args.filter(isInput) });
      return answer();
    };
  const generatedAt = new Date(0).toISOString();
  const noApps = () => ({
    items: [],
    orphanArgoApps: [],
    clusters: [],
    generatedAt,
  });
  const apps: AppLookup = {
    listClusters: () => {
      calls.push({ method: 'listClusters', args: [] });
      return { items: [], generatedAt };
    },
    appsForEntity: record('appsForEntity', noApps),
    appsForTeam: record('appsForTeam', noApps),
    namespacesForTeam: record('namespacesForTeam', () => ({
      items: [],
      clusters: [],
      generatedAt,
    })),
  };
  const resources: ResourceInspector = {
    resourceDetails: record('resourceDetails', () => ({
      cluster: 'c',
      apiVersion: 'v1',
      kind: 'Pod',
      namespace: 'n',
      name: 'p',
      conditions: [],
      events: [],
      pods: [],
      manifest: 'kind: Pod\n',
    })),
  };
  const trees: ResourceTreeReader = {
    appTree: record('appTree', () => ({
      cluster: 'c',
      namespace: 'n',
      name: 'a',
      nodes: [],
      unreadable: [],
      generatedAt,
    })),
  };
  const podLogs: PodLogs = {
    read: record('read', () => 'line 1\n'),
    follow: record('follow', () => Readable.from(['line 1\n', 'line 2\n'])),
  };
  const argo: ArgoActions = {
    refresh: record('refresh', () => undefined),
    sync: record('sync', () => undefined),
    rollback: record('rollback', () => undefined),
  };
  const decision = { allowed: true };
  const argoDetails: ArgoDetails = {
    get: record('get', () => ({
      instance: 'i',
      namespace: 'argocd',
      name: 'a',
      destination: {},
      syncPolicy: {
        automated: false,
        selfHeal: false,
        prune: false,
        syncOptions: [],
      },
      sync: { status: 'Synced' as const },
      health: { status: 'Healthy' as const },
      history: [],
      resources: [],
      actions: { refresh: decision, sync: decision, rollback: decision },
    })),
  };
  const argoDiff: ArgoDiff = {
    get: record('get', () => ({
      instance: 'i',
      namespace: 'argocd',
      name: 'a',
      available: true,
      resources: [],
    })),
  };
  const clusterPages: ClusterPages = {
    details: record('details', () => ({
      cluster: {
        metadata: {
          name: 'c',
          environment: 'dev' as const,
          site: 's',
          platform: 'gke' as const,
          controlPlane: 'gke-managed' as const,
          role: 'user' as const,
        },
        versions: {},
        freshness: { cluster: 'c', reachability: 'reachable' as const },
      },
      manages: [],
      nodePools: [],
      nodes: [],
      apps: [],
      generatedAt,
    })),
  };
  const accessPolicies: AccessPolicyLookup = {
    accessPolicy: record('accessPolicy', () => ({
      cluster: 'c',
      environment: 'dev' as const,
      namespace: 'n',
      name: 'a',
      declared: false,
      inbound: [],
      outbound: [],
      external: [],
      blockedCallers: [],
      freshness: { cluster: 'c', reachability: 'reachable' as const },
      generatedAt,
    })),
  };
  return {
    calls,
    services: {
      apps,
      resources,
      trees,
      podLogs,
      argo,
      argoDetails,
      argoDiff,
      accessPolicies,
      clusterPages,
    },
  };
}

function isInput(arg: unknown): boolean {
  if (arg instanceof AbortSignal) return false;
  const maybeCredentials = arg as { $$type?: unknown; credentials?: unknown };
  return (
    maybeCredentials?.$$type !== '@backstage/BackstageCredentials' &&
    maybeCredentials?.credentials === undefined
  );
}
