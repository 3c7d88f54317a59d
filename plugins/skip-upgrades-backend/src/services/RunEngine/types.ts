import type { RunRecord, StepRecord } from '../../database/RunStore';

/** Who hears about a run that needs a person: a gate waits, a step failed, the run ended. */
export interface RunNotifier {
  gateWaiting(
    run: RunRecord,
    step: StepRecord,
    title: string,
    why: string,
  ): Promise<void>;
  stepFailed(
    run: RunRecord,
    step: StepRecord,
    title: string,
    error: string,
  ): Promise<void>;
  runEnded(
    run: RunRecord,
    state: 'succeeded' | 'failed' | 'aborted',
    message: string,
  ): Promise<void>;
}

/** The minimal logger the engine needs (Backstage's LoggerService fits). */
export type EngineLogger = {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
};
