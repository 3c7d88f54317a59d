import type {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import type { TeamPrefix, TeamPrefixList } from '@internal/plugin-skip-common';
import { audited, type Caller } from '@internal/plugin-skip-node';
import type { OnboardingStore } from '../../database/OnboardingStore';
import type { ArgoObjects, ArgoTarget } from '../ArgoObjects/ArgoObjects';
import type { FleetNamespaces } from '../FleetNamespaces/FleetNamespaces';
import type { OnboardingRights } from '../OnboardingRights/OnboardingRights';
import type { PrefixRequests } from '../PrefixRequests/PrefixRequests';
import type { TeamCatalog } from '../TeamCatalog/TeamCatalog';

/** Every prefix with its team, clusters and namespaces; retiring one; its objects as YAML. */
export class Prefixes {
  constructor(
    private readonly options: {
      store: OnboardingStore;
      teams: TeamCatalog;
      namespaces: FleetNamespaces;
      rights: OnboardingRights;
      argo: ArgoObjects;
      requests: PrefixRequests;
      targets: ArgoTarget[];
      auditor: AuditorService;
    },
  ) {}

  /** With `namespaces: false` no cluster is read and every prefix's namespaces are empty. */
  async list(
    credentials: BackstageCredentials,
    options: { namespaces: boolean } = { namespaces: true },
  ): Promise<TeamPrefixList> {
    const [teams, claims, fleet, decide] = await Promise.all([
      this.options.teams.teams(),
      this.options.store.listClaims(),
      options.namespaces
        ? this.options.namespaces.list()
        : { namespaces: [], unreadableClusters: [] },
      this.options.rights.canDecide(credentials),
    ]);
    const clusters = [
      ...new Set(this.options.targets.flatMap(t => t.clusters)),
    ];
    const under = (prefix: string) =>
      fleet.namespaces.filter(n => n.namespace.startsWith(prefix));
    const items: TeamPrefix[] = [
      ...teams.flatMap(t =>
        t.prefix
          ? [
              {
                prefix: t.prefix,
                team: t.ref,
                state: 'active' as const,
                source: 'catalog' as const,
                clusters,
                namespaces: under(t.prefix),
              },
            ]
          : [],
      ),
      ...claims
        .filter(c => c.state !== 'pending')
        .map(c => ({
          prefix: c.prefix,
          team: c.team,
          state:
            c.state === 'retired' ? ('retired' as const) : ('active' as const),
          source: 'onboarding' as const,
          requestId: c.requestId,
          clusters: c.state === 'retired' ? [] : clusters,
          namespaces: c.state === 'retired' ? [] : under(c.prefix),
          ...(c.retiredBy ? { retiredBy: c.retiredBy } : {}),
          ...(c.retiredAt ? { retiredAt: c.retiredAt.toISOString() } : {}),
        })),
    ].sort((a, b) => a.prefix.localeCompare(b.prefix));
    return {
      items,
      rights: {
        decide,
        requestFor: await this.options.rights.requestableTeams(
          credentials,
          teams.map(t => t.ref),
        ),
      },
    };
  }

  /** Retires an active prefix: refused (409) while namespaces under it exist, unless forced. */
  async retire(
    prefix: string,
    input: { reason: string; force?: boolean },
    caller: Caller,
  ): Promise<TeamPrefix> {
    await this.options.rights.requireDecide(caller.credentials);
    const claim = (await this.options.store.listClaims()).find(
      c => c.prefix === prefix && c.state === 'active',
    );
    if (!claim) {
      throw new NotFoundError(
        `prefix: '${prefix}' is not an active prefix granted through the portal`,
      );
    }
    const fleet = await this.options.namespaces.list();
    const living = fleet.namespaces.filter(n => n.namespace.startsWith(prefix));
    if (living.length > 0 && !input.force) {
      throw new ConflictError(
        `prefix: namespaces under ${prefix} still exist (${living
          .slice(0, 5)
          .map(n => `${n.cluster}/${n.namespace}`)
          .join(', ')}); remove them first, or retire with force`,
      );
    }
    if (fleet.unreachable.length > 0 && !input.force) {
      throw new ConflictError(
        `prefix: clusters ${fleet.unreachable
          .map(u => u.cluster)
          .join(
            ', ',
          )} could not be read, so namespaces under ${prefix} may exist; retry, or retire with force`,
      );
    }
    const owner = await this.options.requests.ownerOf(claim.team, prefix);
    const actor =
      (caller.credentials.principal as { userEntityRef?: string })
        .userEntityRef ?? 'unknown';
    const retired = await audited(
      this.options.auditor,
      {
        eventId: 'onboarding-prefix-retire',
        severityLevel: 'high',
        request: caller.request,
        meta: {
          prefix,
          team: claim.team,
          forced: Boolean(input.force),
          namespaces: living.length,
        },
      },
      async () => {
        const errors = await this.options.argo.remove(owner, caller);
        if (errors.length > 0) {
          throw new ConflictError(
            `prefix: ${prefix} is not retired, its Argo CD objects could not all be removed: ${errors.join(
              '; ',
            )}`,
          );
        }
        return this.options.store.retire(prefix, actor);
      },
    );
    await this.options.store.addEvent(claim.requestId, {
      at: new Date().toISOString(),
      actor,
      action: 'retired',
      message: input.reason,
    });
    return {
      prefix,
      team: retired.team,
      state: 'retired',
      source: 'onboarding',
      requestId: retired.requestId,
      clusters: [],
      namespaces: living,
      ...(retired.retiredBy ? { retiredBy: retired.retiredBy } : {}),
      ...(retired.retiredAt
        ? { retiredAt: retired.retiredAt.toISOString() }
        : {}),
    };
  }

  async export(prefix: string): Promise<{ yaml: string }> {
    const claim = (await this.options.store.listClaims()).find(
      c => c.prefix === prefix && c.state !== 'retired',
    );
    const team =
      claim?.team ??
      (await this.options.teams.teams()).find(t => t.prefix === prefix)?.ref;
    if (!team) throw new NotFoundError(`prefix: no team holds '${prefix}'`);
    const owner = await this.options.requests.ownerOf(team, prefix);
    return { yaml: this.options.argo.yaml(owner) };
  }
}
