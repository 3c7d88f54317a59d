import type {
  AccessApplyResult,
  AccessClusterApplyResult,
  AccessDriftReport,
  AccessExport,
  AccessPlan,
  AccessRule,
  AccessRuleInput,
  AccessRulesResponse,
  AccessRuleValidation,
  EffectiveAccess,
  SkipAccessApi,
} from '@internal/plugin-skip-common';
import { backendError } from '../components/UpgradesPage/__testUtils__/FakeSkipUpgradesApi';
import {
  accessPlan,
  accessRules,
  driftReport,
  matrikkelAccess,
} from './accessFixtures';

export { backendError };

/** An in-memory {@link SkipAccessApi} for tests: answers from what it was given, records every call. */
export class FakeSkipAccessApi implements SkipAccessApi {
  rules: AccessRulesResponse = accessRules();
  /** The verdict validateRule gives a rule; valid, binding on no cluster, by default. */
  validate: (rule: AccessRuleInput) => AccessRuleValidation = () => ({
    valid: true,
    errors: [],
    escalating: false,
    clusters: [],
  });
  saveError?: Error;
  plan: AccessPlan = accessPlan();
  applyResult: AccessApplyResult = { clusters: [] };
  applyError?: Error;
  drift: AccessDriftReport = driftReport();
  repairResult?: AccessClusterApplyResult;
  exports = new Map<string, AccessExport>();
  /** Effective access by subject ref (`group:…` or `user:…`). */
  effective = new Map<string, EffectiveAccess>([
    ['group:default/matrikkel', matrikkelAccess()],
  ]);
  readonly calls: string[] = [];
  readonly validated: AccessRuleInput[] = [];
  readonly saved: AccessRuleInput[] = [];
  readonly applied: { planDigest: string; clusters?: string[] }[] = [];

  async listRules() {
    this.calls.push('listRules');
    return this.rules;
  }

  async validateRule(rule: AccessRuleInput) {
    this.calls.push('validateRule');
    this.validated.push(rule);
    return this.validate(rule);
  }

  private async save(rule: AccessRuleInput): Promise<AccessRule> {
    this.saved.push(rule);
    if (this.saveError) throw this.saveError;
    const saved: AccessRule = {
      ...rule,
      source: 'database',
      escalating: false,
      problems: [],
    };
    this.rules = {
      ...this.rules,
      rules: [...this.rules.rules.filter(r => r.id !== rule.id), saved],
    };
    return saved;
  }

  async createRule(rule: AccessRuleInput) {
    this.calls.push(`createRule ${rule.id}`);
    return this.save(rule);
  }

  async updateRule(rule: AccessRuleInput) {
    this.calls.push(`updateRule ${rule.id}`);
    return this.save(rule);
  }

  async deleteRule(ruleId: string) {
    this.calls.push(`deleteRule ${ruleId}`);
    this.rules = {
      ...this.rules,
      rules: this.rules.rules.filter(r => r.id !== ruleId),
    };
  }

  async getPlan(clusters?: string[]) {
    this.calls.push(`getPlan${clusters ? ` ${clusters.join(',')}` : ''}`);
    return this.plan;
  }

  async applyPlan(planDigest: string, clusters?: string[]) {
    this.calls.push('applyPlan');
    this.applied.push(clusters ? { planDigest, clusters } : { planDigest });
    if (this.applyError) throw this.applyError;
    return this.applyResult;
  }

  async getDrift() {
    this.calls.push('getDrift');
    return this.drift;
  }

  async checkDrift() {
    this.calls.push('checkDrift');
    return this.drift;
  }

  async repairDrift(cluster: string) {
    this.calls.push(`repairDrift ${cluster}`);
    return (
      this.repairResult ?? {
        cluster,
        outcome: 'applied' as const,
        created: 0,
        updated: 1,
        deleted: 0,
        errors: [],
      }
    );
  }

  async exportCluster(cluster: string) {
    this.calls.push(`exportCluster ${cluster}`);
    const found = this.exports.get(cluster);
    if (!found) {
      throw await backendError(404, 'NotFoundError', `No cluster ${cluster}`);
    }
    return found;
  }

  async getEffectiveAccess(subject: { group: string } | { user: string }) {
    const ref = 'group' in subject ? subject.group : subject.user;
    this.calls.push(`getEffectiveAccess ${ref}`);
    const found = this.effective.get(ref);
    if (!found) {
      throw await backendError(404, 'NotFoundError', `No such subject ${ref}`);
    }
    return found;
  }
}
