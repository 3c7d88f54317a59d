import { useApi } from '@backstage/core-plugin-api';
import type { UpgradeOutputLine } from '@internal/plugin-skip-common';
import { skipUpgradesApiRef } from '@internal/plugin-skip-react';
import { useEffect, useRef, useState } from 'react';

/** How often the output of a running step is asked for. */
export const STEP_OUTPUT_POLL_MS = 1000;

/** What {@link useStepOutput} returns. */
export type StepOutputState = {
  lines: UpgradeOutputLine[];
  /** The step ended: no more lines will come. */
  done: boolean;
  error?: Error;
};

/**
 * The lines a step printed: all of them once, then, while the step runs, the new ones
 * (after the last line's number) every second, appended.
 */
export function useStepOutput(
  runId: string,
  stepKey: string,
  live: boolean,
): StepOutputState {
  const api = useApi(skipUpgradesApiRef);
  const [state, setState] = useState<StepOutputState>({
    lines: [],
    done: false,
  });
  const cursor = useRef<number | undefined>(undefined);
  const done = useRef(false);

  // Another step starts from nothing.
  useEffect(() => {
    cursor.current = undefined;
    done.current = false;
    setState({ lines: [], done: false });
  }, [runId, stepKey]);

  useEffect(() => {
    let disposed = false;
    let inFlight = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    // A retried step runs again: its new attempt prints more.
    if (live) done.current = false;
    const fetchMore = async () => {
      if (inFlight || done.current) return;
      inFlight = true;
      try {
        const output = await api.getStepOutput(runId, stepKey, cursor.current);
        if (disposed) return;
        const last = output.lines[output.lines.length - 1];
        if (last) cursor.current = last.seq;
        done.current = output.done;
        setState(prev => ({
          lines: [...prev.lines, ...output.lines],
          done: output.done,
        }));
        if (output.done) clearInterval(timer);
      } catch (e) {
        if (!disposed) {
          setState(prev => ({
            ...prev,
            error: e instanceof Error ? e : new Error(String(e)),
          }));
        }
      } finally {
        inFlight = false;
      }
    };
    // Once when a step is picked or stops running (its last lines), and every second while it runs.
    fetchMore();
    if (live) timer = setInterval(fetchMore, STEP_OUTPUT_POLL_MS);
    return () => {
      disposed = true;
      clearInterval(timer);
    };
  }, [api, runId, stepKey, live]);

  return state;
}
