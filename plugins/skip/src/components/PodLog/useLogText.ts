import { useApi } from '@backstage/core-plugin-api';
import { skipFleetApiRef } from '@internal/plugin-skip-react';
import { useEffect, useState } from 'react';
import type { LogRun } from './pickLogContainer';

// Following never holds more than this much text, so a chatty pod cannot fill memory.
const MAX_FOLLOW_CHARS = 1_000_000;

/** What to read: `undefined` pod or container reads nothing. */
export type LogRequest = {
  cluster: string;
  namespace: string;
  pod?: string;
  container?: string;
  run: LogRun;
  follow: boolean;
  /** Changing it reads again (Retry). */
  attempt: number;
};

/** The log text as it arrives, an error, and whether a followed stream has ended. */
export type LogTextState = {
  text?: string;
  error?: Error;
  /** A followed log whose stream the cluster or the network ended. */
  ended: boolean;
  /** Said above the text when it is not what was asked for. */
  note?: string;
};

/** The cluster kept no log of a previous run (it answers 400 naming `previous`). */
function isNoPreviousLog(error: unknown): boolean {
  return (error as { statusCode?: number })?.statusCode === 400;
}

/** Reads (or follows) one container's log; aborts the request when what to read changes. */
export function useLogText(request: LogRequest): LogTextState {
  const { cluster, namespace, pod, container, run, follow, attempt } = request;
  const api = useApi(skipFleetApiRef);
  const [state, setState] = useState<LogTextState>({ ended: false });

  useEffect(() => {
    if (!pod || !container) return undefined;
    const controller = new AbortController();
    const ref = { cluster, namespace, name: pod };
    const alive = () => !controller.signal.aborted;
    setState({ ended: false });
    (async () => {
      try {
        if (!follow && run === 'previous') {
          try {
            const text = await api.getPodLog(ref, {
              container,
              previous: true,
            });
            if (alive()) setState({ text, ended: false });
          } catch (e) {
            if (!isNoPreviousLog(e)) throw e;
            // A restart the cluster has not kept a log of: its current run is what there is.
            const text = await api.getPodLog(ref, { container });
            if (alive()) {
              setState({
                text,
                ended: false,
                note: 'The cluster kept no log of its previous run: this is its current run.',
              });
            }
          }
          return;
        }
        if (!follow) {
          const text = await api.getPodLog(ref, { container });
          if (alive()) setState({ text, ended: false });
          return;
        }
        let all = '';
        setState({ text: '', ended: false });
        for await (const chunk of api.followPodLog(ref, {
          container,
          signal: controller.signal,
        })) {
          if (!alive()) return;
          all = (all + chunk).slice(-MAX_FOLLOW_CHARS);
          setState({ text: all, ended: false });
        }
        if (alive()) setState({ text: all, ended: true });
      } catch (e) {
        if (alive()) {
          setState(previous => ({
            text: previous.text,
            error: e instanceof Error ? e : new Error(String(e)),
            ended: follow,
          }));
        }
      }
    })();
    return () => controller.abort();
  }, [api, cluster, namespace, pod, container, run, follow, attempt]);

  return state;
}
