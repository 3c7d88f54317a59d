import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { RunRecord, StepRecord } from '../../database/RunStore';
import type { EngineLogger, RunNotifier } from '../RunEngine/types';

/**
 * Backstage notifications to the platform team's groups when a run needs a person: a gate
 * waits, a step failed, the run ended. A notification that cannot be sent is logged, never
 * a reason for a run to stop.
 */
export class PlatformTeamNotifier implements RunNotifier {
  private constructor(
    private readonly notifications: NotificationService,
    private readonly platformTeamGroups: string[],
    private readonly logger: EngineLogger,
  ) {}

  static create(options: {
    notifications: NotificationService;
    platformTeamGroups: string[];
    logger: EngineLogger;
  }): PlatformTeamNotifier {
    return new PlatformTeamNotifier(
      options.notifications,
      options.platformTeamGroups,
      options.logger,
    );
  }

  private async send(
    run: RunRecord,
    title: string,
    description: string,
    severity: 'high' | 'normal' | 'critical',
    topic: string,
  ) {
    if (this.platformTeamGroups.length === 0) return;
    try {
      await this.notifications.send({
        recipients: { type: 'entity', entityRef: this.platformTeamGroups },
        payload: {
          title,
          description,
          link: `/skip/upgrades/runs/${run.id}`,
          severity,
          topic,
          scope: `skip-upgrades:${run.id}:${topic}`,
        },
      });
    } catch (error) {
      this.logger.warn(
        `Upgrade run ${run.id}: notification "${title}" not sent: ${
          (error as Error).message
        }`,
      );
    }
  }

  async gateWaiting(
    run: RunRecord,
    _step: StepRecord,
    title: string,
    why: string,
  ): Promise<void> {
    await this.send(
      run,
      `Upgrade to ${run.targetVersion} waits: ${title}`,
      `Run ${run.id} started by ${run.createdBy} waits for approval. ${why}`,
      'high',
      'gate-waiting',
    );
  }

  async stepFailed(
    run: RunRecord,
    _step: StepRecord,
    title: string,
    error: string,
  ): Promise<void> {
    await this.send(
      run,
      `Upgrade to ${run.targetVersion} stopped: ${title}`,
      error,
      'critical',
      'step-failed',
    );
  }

  async runEnded(
    run: RunRecord,
    state: 'succeeded' | 'failed' | 'aborted',
    message: string,
  ): Promise<void> {
    await this.send(
      run,
      `Upgrade to ${run.targetVersion} ${state}`,
      message,
      state === 'succeeded' ? 'normal' : 'high',
      `run-${state}`,
    );
  }
}
