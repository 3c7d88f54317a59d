import type {
  AuditorService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  isSystemNamespace,
  namespaceOwner,
  type OnboardingApprovalResult,
  type OnboardingPlan,
  type PrefixRequest,
  type PrefixRequestEvent,
  type PrefixRequestInput,
  type PrefixRequestState,
  type PrefixValidation,
} from '@internal/plugin-skip-common';
import { audited, type Caller } from '@internal/plugin-skip-node';
import { randomUUID } from 'node:crypto';
import type { OnboardingConfig } from '../../config/onboardingConfig';
import type {
  OnboardingStore,
  PrefixClaim,
} from '../../database/OnboardingStore';
import { validatePrefix } from '../../model/validatePrefix';
import type { ArgoObjects, PrefixOwner } from '../ArgoObjects/ArgoObjects';
import type { FleetNamespaces } from '../FleetNamespaces/FleetNamespaces';
import type { GitOpsCommitter } from '../GitOpsCommitter/GitOpsCommitter';
import type { OnboardingRights } from '../OnboardingRights/OnboardingRights';
import type { CatalogTeam, TeamCatalog } from '../TeamCatalog/TeamCatalog';

/** Who acts, for `requestedBy`, `decidedBy` and the history. */
function actorOf(caller: Caller): string {
  return (
    (caller.credentials.principal as { userEntityRef?: string })
      .userEntityRef ?? 'unknown'
  );
}

/**
 * Requests for prefixes: validated against every prefix held and every namespace that exists,
 * recorded with their claim in one transaction (overlaps refused by the database), decided by
 * the platform team (or the policy), and on approval written to the Argo CD instances and, as a
 * reviewable commit, to the GitOps repository. Every step is audited and kept in the history.
 */
export class PrefixRequests {
  constructor(
    private readonly options: {
      store: OnboardingStore;
      teams: TeamCatalog;
      namespaces: FleetNamespaces;
      rights: OnboardingRights;
      argo: ArgoObjects;
      gitops?: GitOpsCommitter;
      config: OnboardingConfig;
      systemNamespaces: string[];
      auditor: AuditorService;
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {}

  /** The live verdict: problems by field, and what the prefix would take in. */
  async validate(
    input: PrefixRequestInput,
    options: { ignoreRequest?: string } = {},
  ): Promise<PrefixValidation> {
    const [teams, allClaims, fleet] = await Promise.all([
      this.options.teams.teams(),
      this.options.store.listClaims(),
      this.options.namespaces.list(),
    ]);
    // An approval checks its request again, without its own claim.
    const claims = allClaims.filter(c => c.requestId !== options.ignoreRequest);
    const teamRef = input.team.toLocaleLowerCase('en-US');
    const team = teams.find(t => t.ref === teamRef);
    const context = this.context(teams, claims, fleet.namespaces);
    const { problems, captures } = validatePrefix(
      { team: teamRef, prefix: input.prefix },
      context,
    );
    if (!team) {
      problems.unshift({
        field: 'team',
        message: `no team '${input.team}' in the catalog`,
      });
    } else {
      if (
        !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(team.name) ||
        team.name.length > 63
      ) {
        problems.unshift({
          field: 'team',
          message: `the team's name '${team.name}' is not a Kubernetes name, so it cannot name its AppProject`,
        });
      }
      const sameName = teams.find(
        t => t.ref !== team.ref && t.name === team.name,
      );
      if (sameName) {
        problems.unshift({
          field: 'team',
          message: `${sameName.ref} has the same name, and the AppProject is named after the team`,
        });
      }
      // One prefix per team: its AppProject and ApplicationSet are named after the team.
      const held = heldPrefixes(teams, claims).find(h => h.team === team.ref);
      if (held && held.prefix !== input.prefix) {
        problems.unshift({
          field: 'team',
          message: `${team.ref} already holds ${held.prefix}; a team holds one prefix (retire it first)`,
        });
      }
    }
    for (const down of fleet.unreachable) {
      problems.push({
        field: 'prefix',
        message: `cluster ${down.cluster} could not be read, so what ${input.prefix} would take in there is unknown; try again`,
      });
    }
    return { valid: problems.length === 0, problems, captures };
  }

  async create(
    input: PrefixRequestInput,
    caller: Caller,
  ): Promise<PrefixRequest> {
    const teamRef = input.team.toLocaleLowerCase('en-US');
    await this.options.rights.requireRequestFor(caller.credentials, teamRef);
    const verdict = await this.validate(input);
    if (!verdict.valid) {
      throw new InputError(
        verdict.problems.map(p => `${p.field}: ${p.message}`).join('; '),
      );
    }
    const now = new Date().toISOString();
    const actor = actorOf(caller);
    const request: PrefixRequest = {
      id: `req-${now.slice(0, 10)}-${randomUUID().slice(0, 8)}`,
      team: teamRef,
      prefix: input.prefix,
      ...(input.reason ? { reason: input.reason } : {}),
      state: 'pending',
      requestedBy: actor,
      requestedAt: now,
      history: [
        {
          at: now,
          actor,
          action: 'requested',
          ...(input.reason ? { message: input.reason } : {}),
        },
      ],
    };
    const teams = await this.options.teams.teams();
    await audited(
      this.options.auditor,
      {
        eventId: 'onboarding-request',
        severityLevel: 'low',
        request: caller.request,
        meta: { action: 'create', team: teamRef, prefix: input.prefix },
      },
      () =>
        this.options.store.createRequest(request, held =>
          overlapMessage(input.prefix, teamRef, held, teams),
        ),
    );
    if (this.options.config.autoApprove) {
      return (await this.decideApproved(request.id, caller, 'policy')).request;
    }
    return request;
  }

  async list(query: {
    team?: string;
    state?: PrefixRequestState;
  }): Promise<PrefixRequest[]> {
    return this.options.store.listRequests({
      ...query,
      team: query.team?.toLocaleLowerCase('en-US'),
    });
  }

  async get(id: string): Promise<PrefixRequest> {
    const request = await this.options.store.getRequest(id);
    if (!request) throw new NotFoundError(`requestId: no request '${id}'`);
    return request;
  }

  async plan(id: string): Promise<OnboardingPlan> {
    const request = await this.get(id);
    const owner = await this.ownerOf(request.team, request.prefix);
    const { objects, unreachable } = await this.options.argo.plan(owner);
    return {
      team: request.team,
      prefix: request.prefix,
      objects,
      accessRule: `The access model gives ${request.team} its default rule (edit) in every namespace starting with ${request.prefix} on every user cluster; apply it on the access page`,
      unreachable,
    };
  }

  async approve(
    id: string,
    reason: string | undefined,
    caller: Caller,
  ): Promise<OnboardingApprovalResult> {
    await this.options.rights.requireDecide(caller.credentials);
    return this.decideApproved(id, caller, 'person', reason);
  }

  async reject(
    id: string,
    reason: string,
    caller: Caller,
  ): Promise<PrefixRequest> {
    await this.options.rights.requireDecide(caller.credentials);
    const actor = actorOf(caller);
    const at = new Date().toISOString();
    const request = await audited(
      this.options.auditor,
      {
        eventId: 'onboarding-request',
        severityLevel: 'medium',
        request: caller.request,
        meta: { action: 'reject', request: id, reason },
      },
      () =>
        this.options.store.decide(id, {
          state: 'rejected',
          decidedBy: actor,
          decision: reason,
          event: { at, actor, action: 'rejected', message: reason },
        }),
    );
    await this.notify(request, `rejected: ${reason}`);
    return request;
  }

  private async decideApproved(
    id: string,
    caller: Caller,
    by: 'person' | 'policy',
    reason?: string,
  ): Promise<OnboardingApprovalResult> {
    const actor = actorOf(caller);
    await this.checkStillGrantable(id);
    const at = new Date().toISOString();
    const action = by === 'policy' ? 'auto-approved' : 'approved';
    const decided = await audited(
      this.options.auditor,
      {
        eventId: 'onboarding-request',
        severityLevel: 'medium',
        request: caller.request,
        meta: { action, request: id, reason },
      },
      () =>
        this.options.store.decide(id, {
          state: 'approved',
          decidedBy: by === 'policy' ? 'policy:auto-approve' : actor,
          decision: reason,
          event: {
            at,
            actor: by === 'policy' ? 'policy:auto-approve' : actor,
            action,
            ...(reason ? { message: reason } : {}),
          },
        }),
    );
    const owner = await this.ownerOf(decided.team, decided.prefix);
    const applied = await this.options.argo.apply(owner, caller);
    for (const result of applied) {
      await this.options.store.addEvent(id, {
        at: new Date().toISOString(),
        actor,
        action: result.outcome === 'applied' ? 'applied' : 'apply-failed',
        message:
          result.outcome === 'applied'
            ? `AppProject and ApplicationSet on ${result.instance}`
            : `${result.instance}: ${result.error}`,
      });
    }
    await this.commit(decided, owner, actor);
    await this.notify(decided, 'approved');
    return { request: await this.get(id), applied };
  }

  /**
   * Before a decision writes anything: the prefix is checked again (namespaces and prefixes
   * may have appeared since the request), and every Argo CD instance must be reachable with no
   * object of the team's name that the portal does not own, so an approval never half-applies.
   */
  private async checkStillGrantable(id: string): Promise<void> {
    const request = await this.get(id);
    const verdict = await this.validate(
      { team: request.team, prefix: request.prefix },
      { ignoreRequest: id },
    );
    if (!verdict.valid) {
      throw new ConflictError(
        `Request '${id}' cannot be approved any more: ${verdict.problems
          .map(p => `${p.field}: ${p.message}`)
          .join('; ')}`,
      );
    }
    const owner = await this.ownerOf(request.team, request.prefix);
    const { objects, unreachable } = await this.options.argo.plan(owner);
    const blocking = [
      ...unreachable.map(u => `${u.instance}: ${u.error}`),
      ...objects
        .filter(o => o.action === 'conflict')
        .map(o => `${o.instance}: ${o.reason}`),
    ];
    if (blocking.length > 0) {
      throw new ConflictError(
        `Request '${id}' cannot be approved now: ${blocking.join('; ')}`,
      );
    }
  }

  private async commit(
    request: PrefixRequest,
    owner: PrefixOwner,
    actor: string,
  ): Promise<void> {
    const { gitops } = this.options;
    if (!gitops) return;
    // One branch per request: two requests never share (or replace) a review.
    const branch = `onboarding/${owner.teamName}/${request.id}`;
    let event: PrefixRequestEvent;
    try {
      const { revision } = await audited(
        this.options.auditor,
        {
          eventId: 'onboarding-gitops-commit',
          severityLevel: 'medium',
          meta: {
            request: request.id,
            team: request.team,
            prefix: request.prefix,
            branch,
          },
        },
        () =>
          gitops.commit({
            branch,
            author: actor,
            message: `Onboard ${request.team}: prefix ${request.prefix}\n\nRequest ${request.id}, requested by ${request.requestedBy}, approved by ${actor}.`,
            files: this.options.argo.files(owner),
          }),
      );
      event = {
        at: new Date().toISOString(),
        actor,
        action: 'committed',
        message: `${branch} at ${revision.slice(0, 12)}`,
      };
    } catch (error) {
      this.options.logger.warn(
        `Onboarding commit of ${request.id} failed: ${
          (error as Error).message
        }`,
      );
      event = {
        at: new Date().toISOString(),
        actor,
        action: 'commit-failed',
        message:
          'the GitOps repository refused the commit; see the backend log',
      };
    }
    await this.options.store.addEvent(
      request.id,
      event,
      event.action === 'committed' ? branch : undefined,
    );
  }

  private async notify(request: PrefixRequest, what: string): Promise<void> {
    try {
      await this.options.notifications.send({
        recipients: { type: 'entity', entityRef: request.requestedBy },
        payload: {
          title: `Prefix ${request.prefix} for ${request.team}: ${what}`,
          description: `Your request ${request.id} was ${what}.`,
          link: '/skip/onboarding/requests',
          topic: 'skip-onboarding',
          severity: 'normal',
        },
      });
    } catch (error) {
      this.options.logger.warn(
        `Onboarding notification for ${request.id} not sent: ${
          (error as Error).message
        }`,
      );
    }
  }

  /** The team behind a prefix, as the Argo CD objects need it. */
  async ownerOf(teamRef: string, prefix: string): Promise<PrefixOwner> {
    const team = await this.options.teams.team(teamRef);
    if (!team)
      throw new NotFoundError(`team: no team '${teamRef}' in the catalog`);
    return {
      teamRef: team.ref,
      teamName: team.name,
      prefix,
      iamGroups: team.iamGroups,
      repoUrl: this.options.config.appsRepoUrlTemplate.replace(
        '{team}',
        team.name,
      ),
    };
  }

  /** What validation checks against: every prefix held, the reserved ones, every namespace and its owner. */
  private context(
    teams: CatalogTeam[],
    claims: PrefixClaim[],
    namespaces: { cluster: string; namespace: string; teamLabel?: string }[],
  ) {
    const held = heldPrefixes(teams, claims);
    const claimants = held.map(h => ({
      groupRef: h.team,
      name: h.team.split('/')[1] ?? h.team,
      prefix: h.prefix,
    }));
    const system = this.options.systemNamespaces;
    return {
      claims: held,
      namespaces: namespaces.map(n => {
        const owner = namespaceOwner(
          { name: n.namespace, teamLabel: n.teamLabel },
          claimants,
        );
        return {
          cluster: n.cluster,
          namespace: n.namespace,
          ...(owner ? { owner } : {}),
        };
      }),
      reservedNames: [
        ...this.options.config.reservedNames,
        ...system.filter(s => !s.endsWith('*')),
        ...namespaces
          .filter(n => isSystemNamespace(n.namespace, system))
          .map(n => n.namespace),
      ],
      reservedPrefixes: [
        ...this.options.config.reservedPrefixes,
        ...system.filter(s => s.endsWith('*')).map(s => s.slice(0, -1)),
      ],
      minimumSuffixLength: this.options.config.minimumSuffixLength,
    };
  }
}

/** Every prefix a team holds: claimed here (pending or active) or by a Group's annotation. */
export function heldPrefixes(
  teams: CatalogTeam[],
  claims: PrefixClaim[],
): { team: string; prefix: string }[] {
  return [
    ...teams.flatMap(t =>
      t.prefix ? [{ team: t.ref, prefix: t.prefix }] : [],
    ),
    ...claims
      .filter(c => c.state !== 'retired')
      .map(c => ({ team: c.team, prefix: c.prefix })),
  ];
}

/** Inside the store's transaction: the held claim (or catalog prefix) the new one overlaps. */
function overlapMessage(
  prefix: string,
  team: string,
  held: PrefixClaim[],
  teams: CatalogTeam[],
): string | undefined {
  const all = heldPrefixes(teams, held);
  const sameTeam = all.find(h => h.team === team);
  if (sameTeam) {
    return `team: ${team} already holds ${sameTeam.prefix}; a team holds one prefix`;
  }
  const other = all.find(
    h => h.prefix.startsWith(prefix) || prefix.startsWith(h.prefix),
  );
  if (!other) return undefined;
  const whose =
    other.team === team ? 'your team already holds' : `${other.team} holds`;
  return `prefix: ${prefix} overlaps ${
    other.prefix
  }, which ${whose}; Argo CD's ${
    prefix.length <= other.prefix.length ? prefix : other.prefix
  }* would match the other's namespaces too`;
}
