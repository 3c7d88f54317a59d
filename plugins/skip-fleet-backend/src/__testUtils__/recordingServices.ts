import { Readable } from 'node:stream';
import type { AppLookup } from '../services/AppLookup/types';
import type { ArgoActions } from '../services/ArgoActions/types';
import type { PodLogs } from '../services/PodLogs/types';
import type { ResourceInspector } from '../services/ResourceInspector/types';

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
    })),
  };
  const podLogs: PodLogs = {
    read: record('read', () => 'line 1\n'),
    follow: record('follow', () => Readable.from(['line 1\n', 'line 2\n'])),
  };
  const argo: ArgoActions = {
    refresh: record('refresh', () => undefined),
    sync: record('sync', () => undefined),
  };
  return { calls, services: { apps, resources, podLogs, argo } };
}

function isInput(arg: unknown): boolean {
  if (arg instanceof AbortSignal) return false;
  const maybeCredentials = arg as { $$type?: unknown; credentials?: unknown };
  return (
    maybeCredentials?.$$type !== '@backstage/BackstageCredentials' &&
    maybeCredentials?.credentials === undefined
  );
}
