import {
  SkipUpgradesClient,
  type SkipUpgradesApi,
  type StartUpgradeRunRequest,
  type UpgradeOutputLine,
  type UpgradePlan,
  type UpgradePlanRequest,
  type UpgradeRun,
  type UpgradeRunSummary,
  type UpgradeVersionsResponse,
} from '@internal/plugin-skip-common';
import { upgradeVersions } from './upgradeFixtures';

/** The error the real client throws for a Backstage error answer (a ResponseError with the body as cause). */
export async function backendError(
  status: number,
  name: string,
  message: string,
): Promise<Error> {
  const client = new SkipUpgradesClient({
    discoveryApi: {
      getBaseUrl: async () => 'http://backend/api/skip-upgrades',
    },
    fetchApi: {
      fetch: async () =>
        new Response(
          JSON.stringify({
            error: { name, message },
            response: { statusCode: status },
          }),
          { status, headers: { 'content-type': 'application/json' } },
        ),
    },
  });
  return client.getVersions().then(
    () => new Error('expected an error'),
    (e: Error) => e,
  );
}

/** An in-memory {@link SkipUpgradesApi} for tests: answers from what it was given, records every call. */
export class FakeSkipUpgradesApi implements SkipUpgradesApi {
  versions: UpgradeVersionsResponse = upgradeVersions();
  runs: UpgradeRunSummary[] = [];
  /** The plan buildPlan answers with, or the error it throws. */
  plan?: UpgradePlan;
  planError?: Error;
  startError?: Error;
  /** Runs by id: getRun and the actions answer with them. */
  runById = new Map<string, UpgradeRun>();
  /** What an action answers with: the run after it, by action name. */
  after = new Map<string, UpgradeRun>();
  /** Output lines by step key, handed out after the cursor; `done` per step key. */
  output = new Map<string, UpgradeOutputLine[]>();
  outputDone = new Set<string>();
  readonly calls: string[] = [];
  readonly planRequests: UpgradePlanRequest[] = [];
  readonly startRequests: StartUpgradeRunRequest[] = [];

  async getVersions() {
    this.calls.push('getVersions');
    return this.versions;
  }

  async buildPlan(request: UpgradePlanRequest) {
    this.calls.push('buildPlan');
    this.planRequests.push(request);
    if (this.planError) throw this.planError;
    return this.plan!;
  }

  async startRun(request: StartUpgradeRunRequest) {
    this.calls.push('startRun');
    this.startRequests.push(request);
    if (this.startError) throw this.startError;
    return [...this.runById.values()][0];
  }

  async listRuns() {
    this.calls.push('listRuns');
    return { items: this.runs };
  }

  async getRun(runId: string) {
    this.calls.push(`getRun ${runId}`);
    const run = this.runById.get(runId);
    if (!run) {
      throw await backendError(404, 'NotFoundError', `No run '${runId}'`);
    }
    return run;
  }

  async getStepOutput(runId: string, stepKey: string, after?: number) {
    this.calls.push(`getStepOutput ${runId} ${stepKey} ${after ?? '-'}`);
    const lines = (this.output.get(stepKey) ?? []).filter(
      l => after === undefined || l.seq > after,
    );
    return { lines, done: this.outputDone.has(stepKey) };
  }

  private act(name: string, runId: string, detail = '') {
    this.calls.push(`${name} ${runId}${detail}`);
    const run = this.after.get(name) ?? this.runById.get(runId)!;
    this.runById.set(runId, run);
    return run;
  }

  async pauseRun(runId: string) {
    return this.act('pauseRun', runId);
  }

  async resumeRun(runId: string) {
    return this.act('resumeRun', runId);
  }

  async abortRun(runId: string, reason?: string) {
    return this.act('abortRun', runId, reason ? ` reason=${reason}` : '');
  }

  async approveStep(runId: string, stepKey: string) {
    return this.act('approveStep', runId, ` ${stepKey}`);
  }

  async retryStep(runId: string, stepKey: string) {
    return this.act('retryStep', runId, ` ${stepKey}`);
  }

  async skipCluster(runId: string, cluster: string, reason: string) {
    return this.act('skipCluster', runId, ` ${cluster} reason=${reason}`);
  }
}
