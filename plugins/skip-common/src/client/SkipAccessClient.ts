// openapi-fetch names its methods after the HTTP verbs (GET, POST), which new-cap takes for constructors.
/* eslint-disable new-cap */
import {
  createSkipApiClient,
  SkipApiClientOptions,
} from './createSkipApiClient';
import type { paths } from '../generated/skipAccess';
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
} from '../access/types';
import type { SkipAccessApi } from './SkipAccessApi';

/** What the client needs of Backstage. */
export type SkipAccessClientOptions = SkipApiClientOptions;

/** {@link SkipAccessApi} over HTTP, typed by the skip-access OpenAPI spec; works in the browser and in backends. */
export class SkipAccessClient implements SkipAccessApi {
  private readonly discoveryApi: SkipAccessClientOptions['discoveryApi'];
  private readonly client;

  constructor(options: SkipAccessClientOptions) {
    this.discoveryApi = options.discoveryApi;
    this.client = createSkipApiClient<paths>(options);
  }

  async listRules(): Promise<AccessRulesResponse> {
    const { data } = await this.client.GET('/rules', {
      baseUrl: await this.baseUrl(),
    });
    return data!;
  }

  async validateRule(rule: AccessRuleInput): Promise<AccessRuleValidation> {
    const { data } = await this.client.POST('/rules/validate', {
      baseUrl: await this.baseUrl(),
      body: rule,
    });
    return data!;
  }

  async createRule(rule: AccessRuleInput): Promise<AccessRule> {
    const { data } = await this.client.POST('/rules', {
      baseUrl: await this.baseUrl(),
      body: rule,
    });
    return data!;
  }

  async updateRule(rule: AccessRuleInput): Promise<AccessRule> {
    const { data } = await this.client.PUT('/rules/{ruleId}', {
      baseUrl: await this.baseUrl(),
      params: { path: { ruleId: rule.id } },
      body: rule,
    });
    return data!;
  }

  async deleteRule(ruleId: string): Promise<void> {
    await this.client.DELETE('/rules/{ruleId}', {
      baseUrl: await this.baseUrl(),
      params: { path: { ruleId } },
    });
  }

  async getPlan(clusters?: string[]): Promise<AccessPlan> {
    const { data } = await this.client.GET('/plan', {
      baseUrl: await this.baseUrl(),
      params: { query: clusters?.length ? { cluster: clusters } : {} },
    });
    return data!;
  }

  async applyPlan(
    planDigest: string,
    clusters?: string[],
  ): Promise<AccessApplyResult> {
    const { data } = await this.client.POST('/apply', {
      baseUrl: await this.baseUrl(),
      body: clusters?.length ? { planDigest, clusters } : { planDigest },
    });
    return data!;
  }

  async getDrift(): Promise<AccessDriftReport> {
    const { data } = await this.client.GET('/drift', {
      baseUrl: await this.baseUrl(),
    });
    return data!;
  }

  async checkDrift(): Promise<AccessDriftReport> {
    const { data } = await this.client.POST('/drift/check', {
      baseUrl: await this.baseUrl(),
    });
    return data!;
  }

  async repairDrift(cluster: string): Promise<AccessClusterApplyResult> {
    const { data } = await this.client.POST('/drift/repair', {
      baseUrl: await this.baseUrl(),
      body: { cluster },
    });
    return data!;
  }

  async exportCluster(cluster: string): Promise<AccessExport> {
    const { data } = await this.client.GET('/export/{cluster}', {
      baseUrl: await this.baseUrl(),
      params: { path: { cluster } },
    });
    return data!;
  }

  async getEffectiveAccess(
    subject: { group: string } | { user: string },
  ): Promise<EffectiveAccess> {
    const { data } = await this.client.GET('/effective', {
      baseUrl: await this.baseUrl(),
      params: { query: subject },
    });
    return data!;
  }

  private baseUrl(): Promise<string> {
    return this.discoveryApi.getBaseUrl('skip-access');
  }
}
