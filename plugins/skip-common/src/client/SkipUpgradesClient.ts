// openapi-fetch names its methods after the HTTP verbs (GET, POST), which new-cap takes for constructors.
/* eslint-disable new-cap */
import {
  createSkipApiClient,
  SkipApiClientOptions,
} from './createSkipApiClient';
import type { paths } from '../generated/skipUpgrades';
import type {
  StartUpgradeRunRequest,
  UpgradePlan,
  UpgradePlanRequest,
  UpgradeRun,
  UpgradeRunSummary,
  UpgradeStepOutput,
  UpgradeVersionsResponse,
} from '../upgrades/types';
import type { SkipUpgradesApi } from './SkipUpgradesApi';

/** What the client needs of Backstage. */
export type SkipUpgradesClientOptions = SkipApiClientOptions;

/** {@link SkipUpgradesApi} over HTTP, typed by the skip-upgrades OpenAPI spec; works in the browser and in backends. */
export class SkipUpgradesClient implements SkipUpgradesApi {
  private readonly discoveryApi: SkipUpgradesClientOptions['discoveryApi'];
  private readonly client;

  constructor(options: SkipUpgradesClientOptions) {
    this.discoveryApi = options.discoveryApi;
    this.client = createSkipApiClient<paths>(options);
  }

  async getVersions(): Promise<UpgradeVersionsResponse> {
    const { data } = await this.client.GET('/versions', {
      baseUrl: await this.baseUrl(),
    });
    return data!;
  }

  async buildPlan(request: UpgradePlanRequest): Promise<UpgradePlan> {
    const { data } = await this.client.POST('/plans', {
      baseUrl: await this.baseUrl(),
      body: request,
    });
    return data!;
  }

  async startRun(request: StartUpgradeRunRequest): Promise<UpgradeRun> {
    const { data } = await this.client.POST('/runs', {
      baseUrl: await this.baseUrl(),
      body: request,
    });
    return data!;
  }

  async listRuns(
    query: { active?: boolean } = {},
  ): Promise<{ items: UpgradeRunSummary[] }> {
    const { data } = await this.client.GET('/runs', {
      baseUrl: await this.baseUrl(),
      params: {
        query:
          query.active === undefined
            ? {}
            : { active: query.active ? 'true' : 'false' },
      },
    });
    return data!;
  }

  async getRun(runId: string): Promise<UpgradeRun> {
    const { data } = await this.client.GET('/runs/{runId}', {
      baseUrl: await this.baseUrl(),
      params: { path: { runId } },
    });
    return data!;
  }

  async getStepOutput(
    runId: string,
    stepKey: string,
    after?: number,
  ): Promise<UpgradeStepOutput> {
    // openapi-fetch encodes path parameters (encodeURIComponent), so the key's slashes become %2F.
    const { data } = await this.client.GET(
      '/runs/{runId}/steps/{stepKey}/output',
      {
        baseUrl: await this.baseUrl(),
        params: {
          path: { runId, stepKey },
          query: after === undefined ? {} : { after: String(after) },
        },
      },
    );
    return data!;
  }

  async pauseRun(runId: string): Promise<UpgradeRun> {
    const { data } = await this.client.POST('/runs/{runId}/pause', {
      baseUrl: await this.baseUrl(),
      params: { path: { runId } },
    });
    return data!;
  }

  async resumeRun(runId: string): Promise<UpgradeRun> {
    const { data } = await this.client.POST('/runs/{runId}/resume', {
      baseUrl: await this.baseUrl(),
      params: { path: { runId } },
    });
    return data!;
  }

  async abortRun(runId: string, reason?: string): Promise<UpgradeRun> {
    const { data } = await this.client.POST('/runs/{runId}/abort', {
      baseUrl: await this.baseUrl(),
      params: { path: { runId } },
      body: reason ? { reason } : {},
    });
    return data!;
  }

  async approveStep(
    runId: string,
    stepKey: string,
    reason?: string,
  ): Promise<UpgradeRun> {
    const { data } = await this.client.POST(
      '/runs/{runId}/steps/{stepKey}/approve',
      {
        baseUrl: await this.baseUrl(),
        params: { path: { runId, stepKey } },
        body: reason ? { reason } : {},
      },
    );
    return data!;
  }

  async retryStep(runId: string, stepKey: string): Promise<UpgradeRun> {
    const { data } = await this.client.POST(
      '/runs/{runId}/steps/{stepKey}/retry',
      {
        baseUrl: await this.baseUrl(),
        params: { path: { runId, stepKey } },
      },
    );
    return data!;
  }

  async skipCluster(
    runId: string,
    cluster: string,
    reason: string,
  ): Promise<UpgradeRun> {
    const { data } = await this.client.POST(
      '/runs/{runId}/clusters/{cluster}/skip',
      {
        baseUrl: await this.baseUrl(),
        params: { path: { runId, cluster } },
        body: { reason },
      },
    );
    return data!;
  }

  private baseUrl(): Promise<string> {
    return this.discoveryApi.getBaseUrl('skip-upgrades');
  }
}
