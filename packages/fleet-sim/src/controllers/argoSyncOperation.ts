import { deepEqual } from '../store/deepEqual';
import { KubeObject } from '../store/types';
import type { AppsRepo } from './AppsRepos';

/** A resource as `operation.sync.resources[]` names it. */
export type SyncResourceKey = {
  group?: string;
  kind: string;
  namespace?: string;
  name: string;
};

/** `operation.sync` as Argo CD reads it. */
export type SyncOperation = {
  revision?: string;
  prune?: boolean;
  dryRun?: boolean;
  resources?: SyncResourceKey[];
  syncOptions?: string[];
  /** The source to sync from instead of the spec's (a rollback's history entry). */
  source?: { repoURL?: string; path?: string; targetRevision?: string };
};

/**
 * The manifests a sync applies: all of them, or only the selected ones (a selective sync
 * touches nothing else, as Argo CD's does).
 */
export function selectedManifests(
  manifests: KubeObject[],
  sync: SyncOperation,
  destinationNamespace: string,
): KubeObject[] {
  if (!sync.resources?.length) return manifests;
  return manifests.filter(m =>
    sync.resources!.some(
      r =>
        r.kind === m.kind &&
        r.name === m.metadata.name &&
        (r.group ?? '') === groupOf(m.apiVersion) &&
        (r.namespace ?? destinationNamespace) ===
          (m.metadata.namespace ?? destinationNamespace),
    ),
  );
}

/**
 * Argo CD records a deployment in `status.history` only for a successful full sync: a dry
 * run changed nothing, and a selective sync did not deploy the revision as a whole.
 */
export function recordsHistory(sync: SyncOperation): boolean {
  return !sync.dryRun && !sync.resources?.length;
}

/** Why a revision cannot be synced, in Argo CD's words; undefined when the repo has it. */
export function unresolvable(
  repo: AppsRepo | undefined,
  revision: string,
): string | undefined {
  if (!repo || !revision || repo.resolve(revision)) return undefined;
  return `ComparisonError: rpc error: code = Unknown desc = unable to resolve '${revision}' to a commit SHA`;
}

/**
 * The revision a seeded app was deployed from: the newest commit whose directory holds what
 * the cluster runs (a seeded out-of-sync app runs an older commit than HEAD), else the first.
 */
export function seededRevision(
  repo: AppsRepo | undefined,
  path: string,
  live: KubeObject[] | undefined,
): string {
  if (!repo) return '';
  if (!live) return repo.head();
  const commits = repo.commits().reverse();
  const match = commits.find(c =>
    deepEqual(repo.directoryAt(path, c.revision)?.manifests, live),
  );
  return (match ?? commits[commits.length - 1]).revision;
}

function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}
