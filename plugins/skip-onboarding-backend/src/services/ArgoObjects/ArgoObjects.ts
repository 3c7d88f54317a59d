import type { AuditorService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { KubernetesObject, PatchStrategy } from '@kubernetes/client-node';
import { isDeepStrictEqual } from 'node:util';
import type {
  OnboardingPlannedObject,
  Environment,
} from '@internal/plugin-skip-common';
import {
  auditClusterChange,
  type Caller,
  type ClusterCalls,
  type ClusterClients,
} from '@internal/plugin-skip-node';
import { buildApplicationSet } from '../../model/applicationSet';
import { buildAppProject } from '../../model/appProject';
import { objectsYaml } from '../../model/objectsYaml';

const MANAGED_BY = 'app.kubernetes.io/managed-by';
const PORTAL = 'skip-portal';
const FIELD_MANAGER = 'skip-portal-onboarding';
const TEAM_ANNOTATION = 'skip.kartverket.no/team';

/** An Argo CD instance with the clusters it deploys to. */
export type ArgoTarget = {
  instance: string;
  /** The cluster Argo CD runs on, where its AppProjects and ApplicationSets live. */
  cluster: string;
  namespace: string;
  clusters: string[];
  environments: Environment[];
};

/** The team a prefix belongs to, as the objects need it. */
export type PrefixOwner = {
  teamRef: string;
  teamName: string;
  prefix: string;
  iamGroups: string[];
  repoUrl: string;
};

type DesiredObject = {
  target: ArgoTarget;
  object: KubernetesObject & { kind: 'AppProject' | 'ApplicationSet' };
};

/**
 * The team's AppProject (destinations `<prefix>*` on the instance's clusters only) and its
 * ApplicationSet over the apps repo, per Argo CD instance: planned against what is there,
 * server-side applied, deleted when the prefix is retired. Objects without the portal's
 * managed-by label are never changed.
 */
export class ArgoObjects {
  constructor(
    private readonly calls: ClusterCalls,
    private readonly targets: ArgoTarget[],
    private readonly auditor: AuditorService,
  ) {}

  desired(owner: PrefixOwner): DesiredObject[] {
    return this.targets.flatMap(target => [
      {
        target,
        object: buildAppProject({
          teamName: owner.teamName,
          teamRef: owner.teamRef,
          prefix: owner.prefix,
          iamGroups: owner.iamGroups,
          repoUrl: owner.repoUrl,
          argoNamespace: target.namespace,
          clusters: target.clusters,
        }) as DesiredObject['object'],
      },
      {
        target,
        object: buildApplicationSet({
          teamName: owner.teamName,
          teamRef: owner.teamRef,
          repoUrl: owner.repoUrl,
          argoNamespace: target.namespace,
          clusters: target.clusters,
        }) as DesiredObject['object'],
      },
    ]);
  }

  /** Every object with what applying would do; an instance that cannot be read is listed apart. */
  async plan(owner: PrefixOwner): Promise<{
    objects: OnboardingPlannedObject[];
    unreachable: { instance: string; error: string }[];
  }> {
    const objects: OnboardingPlannedObject[] = [];
    const unreachable: { instance: string; error: string }[] = [];
    for (const target of this.targets) {
      const mine = this.desired(owner).filter(d => d.target === target);
      try {
        const planned = await this.calls.call(
          target.cluster,
          `Argo CD objects of ${owner.teamName}`,
          async clients => Promise.all(mine.map(d => planOne(clients, d))),
        );
        objects.push(...planned);
      } catch (error) {
        unreachable.push({
          instance: target.instance,
          error: (error as Error).message,
        });
      }
    }
    return { objects, unreachable };
  }

  /** Applies the objects of every instance; each instance succeeds or fails on its own. */
  async apply(
    owner: PrefixOwner,
    caller: Caller,
  ): Promise<
    { instance: string; outcome: 'applied' | 'failed'; error?: string }[]
  > {
    const results = [];
    for (const target of this.targets) {
      const mine = this.desired(owner).filter(d => d.target === target);
      try {
        for (const desired of mine) await this.applyOne(desired, caller);
        results.push({
          instance: target.instance,
          outcome: 'applied' as const,
        });
      } catch (error) {
        results.push({
          instance: target.instance,
          outcome: 'failed' as const,
          error: (error as Error).message,
        });
      }
    }
    return results;
  }

  /** Deletes the portal's objects of a team (a retired prefix); others are left alone. */
  async remove(owner: PrefixOwner, caller: Caller): Promise<string[]> {
    const errors: string[] = [];
    for (const { target, object } of this.desired(owner)) {
      try {
        await auditClusterChange(
          {
            auditor: this.auditor,
            eventId: 'onboarding-argocd-object',
            request: caller.request,
            target: targetOf(target, object),
            action: `delete (prefix ${owner.prefix} retired)`,
          },
          () =>
            this.calls.call(target.cluster, place(object), async clients => {
              const live = await readLive(clients, object);
              // Not the portal's, or another team's of the same name: not ours to delete.
              if (!live || !ownedFor(live, owner.teamRef)) return;
              await clients.objects.delete(
                object,
                undefined,
                undefined,
                undefined,
                undefined,
                undefined,
                {
                  preconditions: {
                    resourceVersion: live.metadata?.resourceVersion,
                  },
                },
              );
            }),
        );
      } catch (error) {
        errors.push((error as Error).message);
      }
    }
    return errors;
  }

  /** The objects as YAML, for a GitOps repository. */
  yaml(owner: PrefixOwner): string {
    return objectsYaml(
      this.desired(owner).map(d => d.object),
      `Argo CD objects of ${owner.teamRef} for prefix ${owner.prefix}, generated by SKIP Portal`,
    );
  }

  /** The objects with the paths they have in the GitOps repository. */
  files(owner: PrefixOwner): { path: string; yaml: string }[] {
    return this.desired(owner).map(({ target, object }) => ({
      path: `argocd/${target.instance}/${
        owner.teamName
      }/${object.kind.toLowerCase()}.yaml`,
      yaml: objectsYaml(
        [object],
        `${object.kind} ${object.metadata?.name} on ${target.instance}, generated by SKIP Portal`,
      ),
    }));
  }

  private async applyOne(desired: DesiredObject, caller: Caller) {
    const { target, object } = desired;
    await auditClusterChange(
      {
        auditor: this.auditor,
        eventId: 'onboarding-argocd-object',
        request: caller.request,
        target: targetOf(target, object),
        action: 'apply (prefix approved)',
      },
      () =>
        this.calls.call(target.cluster, place(object), async clients => {
          const live = await readLive(clients, object);
          if (live && !ownedFor(live, teamRefOf(object))) {
            throw new ConflictError(
              `${place(
                object,
              )} exists and is not the portal's for this team; left alone`,
            );
          }
          const written = live
            ? await clients.objects.patch(
                {
                  ...object,
                  metadata: {
                    ...object.metadata,
                    resourceVersion: live.metadata?.resourceVersion,
                  },
                },
                undefined,
                undefined,
                FIELD_MANAGER,
                true,
                PatchStrategy.ServerSideApply,
              )
            : await clients.objects.create(
                object,
                undefined,
                undefined,
                FIELD_MANAGER,
              );
          requireNamedNamespaceWhitelist(written, target);
        }),
    );
  }
}

function teamRefOf(object: KubernetesObject): string {
  return object.metadata?.annotations?.[TEAM_ANNOTATION] ?? '';
}

/**
 * Argo CD before 3.3 drops `clusterResourceWhitelist[].name`, which leaves a project that may
 * write any Namespace: such a project is refused (the apply fails) rather than trusted.
 */
function requireNamedNamespaceWhitelist(
  written: KubernetesObject,
  target: ArgoTarget,
): void {
  if (written.kind !== 'AppProject') return;
  const whitelist =
    (
      written as {
        spec?: {
          clusterResourceWhitelist?: { kind?: string; name?: string }[];
        };
      }
    ).spec?.clusterResourceWhitelist ?? [];
  if (whitelist.some(w => w.kind === 'Namespace' && !w.name)) {
    throw new ConflictError(
      `Argo CD on ${target.cluster} dropped clusterResourceWhitelist[].name (it is older than 3.3): the AppProject would let the team write any Namespace; upgrade Argo CD before onboarding teams`,
    );
  }
}

/** The portal's object for this team: its label, and the team annotation naming the same team. */
function ownedFor(live: KubernetesObject, teamRef: string): boolean {
  return (
    live.metadata?.labels?.[MANAGED_BY] === PORTAL &&
    live.metadata?.annotations?.[TEAM_ANNOTATION] === teamRef
  );
}

function place(object: KubernetesObject): string {
  return `${object.kind} ${object.metadata?.namespace}/${object.metadata?.name}`;
}

function targetOf(target: ArgoTarget, object: KubernetesObject) {
  return {
    cluster: target.cluster,
    namespace: object.metadata?.namespace,
    apiVersion: object.apiVersion ?? 'argoproj.io/v1alpha1',
    kind: object.kind ?? '',
    name: object.metadata?.name ?? '',
  };
}

async function readLive(
  clients: ClusterClients,
  object: KubernetesObject,
): Promise<KubernetesObject | undefined> {
  try {
    return await clients.objects.read({
      apiVersion: object.apiVersion!,
      kind: object.kind!,
      metadata: {
        name: object.metadata!.name!,
        namespace: object.metadata!.namespace!,
      },
    });
  } catch (error) {
    if ((error as { code?: number }).code === 404) return undefined;
    throw error;
  }
}

async function planOne(
  clients: ClusterClients,
  { target, object }: DesiredObject,
): Promise<OnboardingPlannedObject> {
  const live = await readLive(clients, object);
  const base = {
    instance: target.instance,
    cluster: target.cluster,
    kind: object.kind,
    namespace: object.metadata!.namespace!,
    name: object.metadata!.name!,
    yaml: objectsYaml([object], `${object.kind} on ${target.instance}`),
  };
  if (!live) return { ...base, action: 'create' };
  if (!ownedFor(live, teamRefOf(object))) {
    return {
      ...base,
      action: 'conflict',
      reason: `${place(
        object,
      )} exists and is not the portal's for this team; it is left alone`,
    };
  }
  const same = isDeepStrictEqual(
    (live as { spec?: unknown }).spec,
    (object as { spec?: unknown }).spec,
  );
  return same
    ? { ...base, action: 'unchanged' }
    : { ...base, action: 'update', reason: 'its spec differs from the plan' };
}
