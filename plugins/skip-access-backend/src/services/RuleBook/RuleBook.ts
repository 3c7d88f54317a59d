import type {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  AccessFieldError,
  AccessRule,
  AccessRuleInput,
  AccessRulesResponse,
  AccessRuleValidation,
  accessRuleFieldErrors,
  ENVIRONMENTS,
  parseAccessRuleInput,
} from '@internal/plugin-skip-common';
import { audited, Caller } from '@internal/plugin-skip-node';
import type { AccessStore } from '../../database/AccessStore';
import { bindingName } from '../../model/bindingName';
import { loadRulesFolder } from '../../model/loadRulesFolder';
import { ruleClusters, ruleProblems } from '../../model/resolveRules';
import {
  TEAM_DEFAULT_RULE_PREFIX,
  teamDefaultRules,
} from '../../model/teamDefaultRules';
import type {
  AccessCluster,
  AccessGroupInfo,
  SourcedRule,
} from '../../model/types';
import type { AccessPermissions } from '../AccessPermissions/AccessPermissions';
import type { ClusterRbac } from '../ClusterRbac/ClusterRbac';
import type { GroupDirectory } from '../GroupDirectory/GroupDirectory';
import type { RoleEscalation } from '../RoleEscalation/RoleEscalation';

const FOLDER_CACHE_MS = 5_000;

/** Every rule with the groups it names: what plans, drift and "who can do what" start from. */
export type RuleSet = {
  rules: SourcedRule[];
  sourceErrors: string[];
  groups: AccessGroupInfo[];
};

/**
 * The rules from their three sources (the database, the rules folder, one default per team
 * with a prefix), their validation, and their changes through the API, audited.
 */
export class RuleBook {
  private folder?: {
    at: number;
    loaded: Promise<{ rules: SourcedRule[]; errors: string[] }>;
  };

  private constructor(
    private readonly options: {
      store: AccessStore;
      groups: GroupDirectory;
      clusters: AccessCluster[];
      escalation: RoleEscalation;
      /** Reads the ClusterRoles of the clusters a rule covers, to judge its role when it is written. */
      rbac: ClusterRbac;
      permissions: AccessPermissions;
      auditor: AuditorService;
      rulesFolder?: string;
      teamDefaultRole: string;
    },
  ) {}

  static create(options: RuleBook['options']): RuleBook {
    return new RuleBook(options);
  }

  async ruleSet(): Promise<RuleSet> {
    const [stored, folder, groups] = await Promise.all([
      this.options.store.listRules(),
      this.folderRules(),
      this.options.groups.groups(),
    ]);
    const rules: SourcedRule[] = stored.map(s => ({
      ...s.rule,
      source: 'database',
      updatedBy: s.updatedBy,
      updatedAt: s.updatedAt.toISOString(),
    }));
    const sourceErrors = [...folder.errors];
    const ids = new Set(rules.map(r => r.id));
    for (const rule of folder.rules) {
      if (ids.has(rule.id)) {
        sourceErrors.push(
          `${rule.file}: rule '${rule.id}': id: a database rule has this id; the file's rule is not in force`,
        );
        continue;
      }
      ids.add(rule.id);
      rules.push(rule);
    }
    rules.push(...teamDefaultRules(groups, this.options.teamDefaultRole));
    return { rules, sourceErrors, groups };
  }

  async view(credentials: BackstageCredentials): Promise<AccessRulesResponse> {
    const [{ rules, sourceErrors, groups }, rights] = await Promise.all([
      this.ruleSet(),
      this.options.permissions.rights(credentials),
    ]);
    const { clusters } = this.options;
    return {
      rules: rules.map(rule => this.toView(rule, groups)),
      groups: groups.map(g => ({
        ref: g.ref,
        title: g.title,
        iamGroups: g.iamGroups,
        ...(g.prefix ? { prefix: g.prefix } : {}),
      })),
      environments: ENVIRONMENTS.map(environment => ({
        environment,
        clusters: clusters
          .filter(c => c.environment === environment)
          .map(c => c.name),
      })),
      sourceErrors,
      rights,
    };
  }

  /** The editor's live verdict: every bad field, whether it escalates, where it would bind. */
  async validate(
    input: unknown,
    options: { creating?: boolean } = {},
  ): Promise<AccessRuleValidation> {
    const errors = accessRuleFieldErrors(input);
    if (errors.length > 0) {
      return { valid: false, errors, escalating: false, clusters: [] };
    }
    const rule = parseAccessRuleInput(input);
    const { rules, groups } = await this.ruleSet();
    errors.push(...this.referenceErrors(rule, groups));
    if (rule.id.startsWith(TEAM_DEFAULT_RULE_PREFIX)) {
      errors.push({
        field: 'id',
        message: `ids starting with '${TEAM_DEFAULT_RULE_PREFIX}' are the teams' default rules`,
      });
    }
    const name = bindingName(rule.id, rule.role);
    const sameName = rules.find(
      r => r.id !== rule.id && bindingName(r.id, r.role) === name,
    );
    if (sameName) {
      errors.push({
        field: 'id',
        message: `its bindings would be named ${name}, as those of rule '${sameName.id}'; choose another id`,
      });
    }
    const existing = rules.find(r => r.id === rule.id);
    if (options.creating && existing) {
      errors.push({
        field: 'id',
        message: `a ${existing.source} rule '${rule.id}' exists already`,
      });
    }
    const clusters = ruleClusters(rule, this.options.clusters).map(c => c.name);
    return {
      valid: errors.length === 0,
      errors,
      escalating: await this.escalates(rule),
      clusters,
    };
  }

  async create(input: AccessRuleInput, caller: Caller): Promise<AccessRule> {
    const rule = await this.checkedForWrite(input, caller, { creating: true });
    return this.audit('create', rule, caller, async () => {
      const stored = await this.options.store.createRule(
        rule,
        actorOf(caller.credentials),
      );
      return this.viewOf(stored.rule, stored.updatedBy, stored.updatedAt);
    });
  }

  async update(
    ruleId: string,
    input: AccessRuleInput,
    caller: Caller,
  ): Promise<AccessRule> {
    if (input.id !== ruleId) {
      throw new InputError(
        `id: the rule's id '${input.id}' is not the path's '${ruleId}'`,
      );
    }
    const before = await this.requireDatabaseRule(ruleId);
    // Taking an escalating grant away needs the approval as much as giving one.
    if (await this.escalates(before.rule)) {
      await this.options.permissions.require(
        caller.credentials,
        'approveEscalation',
      );
    }
    const rule = await this.checkedForWrite(input, caller, {});
    return this.audit('update', rule, caller, async () => {
      const stored = await this.options.store.updateRule(
        rule,
        actorOf(caller.credentials),
      );
      return this.viewOf(stored.rule, stored.updatedBy, stored.updatedAt);
    });
  }

  async delete(ruleId: string, caller: Caller): Promise<void> {
    const stored = await this.requireDatabaseRule(ruleId);
    if (await this.escalates(stored.rule)) {
      await this.options.permissions.require(
        caller.credentials,
        'approveEscalation',
      );
    }
    await this.audit('delete', stored.rule, caller, async () => {
      if (!(await this.options.store.deleteRule(ruleId))) {
        throw new NotFoundError(`No rule '${ruleId}' in the database`);
      }
    });
  }

  /** Whether the rule's role escalates on any cluster it covers, read now (unknown custom roles do). */
  private async escalates(rule: AccessRuleInput): Promise<boolean> {
    const clusters = ruleClusters(rule, this.options.clusters).map(c => c.name);
    const readings = await this.options.rbac.readClusterRoles(clusters);
    return this.options.escalation.onClusters(rule.role, readings);
  }

  private async requireDatabaseRule(ruleId: string) {
    const stored = await this.options.store.getRule(ruleId);
    if (stored) return stored;
    const { rules } = await this.ruleSet();
    const other = rules.find(r => r.id === ruleId);
    if (other) {
      throw new ConflictError(
        other.source === 'git'
          ? `Rule '${ruleId}' comes from ${other.file} in the rules folder; change it there`
          : `Rule '${ruleId}' is a team's default rule; it follows the team's prefix`,
      );
    }
    throw new NotFoundError(`No rule '${ruleId}'`);
  }

  private async checkedForWrite(
    input: AccessRuleInput,
    caller: Caller,
    options: { creating?: boolean },
  ): Promise<AccessRuleInput> {
    const verdict = await this.validate(input, options);
    if (!verdict.valid) {
      const message = verdict.errors
        .map(e => `${e.field}: ${e.message}`)
        .join('; ');
      const taken = verdict.errors.some(
        e => e.field === 'id' && e.message.includes('exists already'),
      );
      if (taken) throw new ConflictError(`rule '${input.id}': ${message}`);
      throw new InputError(`rule '${input.id}': ${message}`);
    }
    if (verdict.escalating) {
      await this.options.permissions.require(
        caller.credentials,
        'approveEscalation',
      );
    }
    return parseAccessRuleInput(input);
  }

  private referenceErrors(
    rule: AccessRuleInput,
    groups: AccessGroupInfo[],
  ): AccessFieldError[] {
    // ruleProblems names what it refers to first: group '…', team '…' or cluster '…'.
    const field = (problem: string) => {
      if (problem.startsWith('group ')) return 'group';
      if (problem.startsWith('team ')) return 'namespaces.team';
      if (problem.startsWith('cluster ')) return 'clusters.cluster';
      return '(rule)';
    };
    return ruleProblems(
      { ...rule, source: 'database' },
      groups,
      this.options.clusters,
    ).map(problem => ({
      field: field(problem),
      message: problem,
    }));
  }

  private async audit<T>(
    action: 'create' | 'update' | 'delete',
    rule: AccessRuleInput,
    caller: Caller,
    change: () => Promise<T>,
  ): Promise<T> {
    return audited(
      this.options.auditor,
      {
        eventId: 'access-rule',
        severityLevel: this.options.escalation.anywhere(rule.role)
          ? 'high'
          : 'medium',
        request: caller.request,
        meta: {
          action,
          rule: rule.id,
          group: rule.group,
          role: rule.role,
          clusters: JSON.stringify(rule.clusters),
          namespaces: JSON.stringify(rule.namespaces),
        },
      },
      change,
    );
  }

  private async viewOf(
    rule: AccessRuleInput,
    updatedBy: string,
    updatedAt: Date,
  ): Promise<AccessRule> {
    const groups = await this.options.groups.groups();
    return this.toView(
      {
        ...rule,
        source: 'database',
        updatedBy,
        updatedAt: updatedAt.toISOString(),
      },
      groups,
    );
  }

  private toView(rule: SourcedRule, groups: AccessGroupInfo[]): AccessRule {
    return {
      ...rule,
      escalating: this.options.escalation.anywhere(rule.role),
      problems: ruleProblems(rule, groups, this.options.clusters),
    };
  }

  private folderRules(): Promise<{ rules: SourcedRule[]; errors: string[] }> {
    const { rulesFolder } = this.options;
    if (!rulesFolder) return Promise.resolve({ rules: [], errors: [] });
    const now = Date.now();
    if (!this.folder || now - this.folder.at > FOLDER_CACHE_MS) {
      this.folder = { at: now, loaded: loadRulesFolder(rulesFolder) };
    }
    return this.folder.loaded;
  }
}

function actorOf(credentials: BackstageCredentials): string {
  return (
    (credentials.principal as { userEntityRef?: string }).userEntityRef ??
    'unknown'
  );
}
