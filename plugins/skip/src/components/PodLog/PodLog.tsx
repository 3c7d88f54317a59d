import { LogViewer, Progress, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import NativeSelect from '@material-ui/core/NativeSelect';
import { PodSummary } from '@internal/plugin-skip-common';
import { useEffect, useState } from 'react';
import { skipFleetApiRef } from '@internal/plugin-skip-react';

/** Props of {@link PodLog}. */
export type PodLogProps = {
  cluster: string;
  namespace: string;
  pods: PodSummary[];
};

// Following never holds more than this much text, so a chatty pod cannot fill memory.
const MAX_FOLLOW_CHARS = 1_000_000;

/** The log of one container of the resource's pods, once or followed live. */
export function PodLog(props: PodLogProps) {
  const { cluster, namespace, pods } = props;
  const api = useApi(skipFleetApiRef);
  const initial = pickInitial(pods);
  const [pod, setPod] = useState(initial.pod);
  const [container, setContainer] = useState(initial.container);
  const [follow, setFollow] = useState(false);
  const [text, setText] = useState<string | undefined>();
  const [error, setError] = useState<Error | undefined>();

  // Pods come and go between polls (a rollout, a restart): move to a live one.
  const podNames = pods.map(p => p.name).join(',');
  useEffect(() => {
    if (pod && pods.some(p => p.name === pod)) return;
    const next = pickInitial(pods);
    setPod(next.pod);
    setContainer(next.container);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [podNames]);

  useEffect(() => {
    if (!pod) return undefined;
    const controller = new AbortController();
    const ref = { cluster, namespace, name: pod };
    setText(undefined);
    setError(undefined);
    (async () => {
      try {
        if (!follow) {
          const log = await api.getPodLog(ref, { container });
          if (!controller.signal.aborted) setText(log);
          return;
        }
        let all = '';
        for await (const chunk of api.followPodLog(ref, {
          container,
          signal: controller.signal,
        })) {
          if (controller.signal.aborted) return;
          all = (all + chunk).slice(-MAX_FOLLOW_CHARS);
          setText(all);
        }
        if (!controller.signal.aborted) setText(all);
      } catch (e) {
        if (!controller.signal.aborted) {
          setError(e instanceof Error ? e : new Error(String(e)));
        }
      }
    })();
    return () => controller.abort();
  }, [api, cluster, namespace, pod, container, follow]);

  if (!pod) return null;
  const containers = pods.find(p => p.name === pod)?.containers ?? [];

  return (
    <Box>
      <Box display="flex" alignItems="flex-end" gridGap={16} mb={1}>
        <FormControl>
          <InputLabel htmlFor="skip-log-pod">Pod</InputLabel>
          <NativeSelect
            id="skip-log-pod"
            value={pod}
            onChange={e => {
              const next = pods.find(p => p.name === e.target.value);
              setPod(e.target.value);
              setContainer(next?.containers[0]?.name);
            }}
          >
            {pods.map(p => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </NativeSelect>
        </FormControl>
        {containers.length > 1 && (
          <FormControl>
            <InputLabel htmlFor="skip-log-container">Container</InputLabel>
            <NativeSelect
              id="skip-log-container"
              value={container}
              onChange={e => setContainer(e.target.value)}
            >
              {containers.map(c => (
                <option key={c.name} value={c.name}>
                  {c.name}
                </option>
              ))}
            </NativeSelect>
          </FormControl>
        )}
        <Button
          variant={follow ? 'contained' : 'outlined'}
          color="primary"
          size="small"
          aria-pressed={follow}
          onClick={() => setFollow(f => !f)}
        >
          Follow logs
        </Button>
      </Box>
      {error && (
        <WarningPanel title="Could not read the log" message={error.message} />
      )}
      {!error && text === undefined && <Progress />}
      {text !== undefined && (
        <Box height={360} data-testid="skip-pod-log">
          <LogViewer text={text || '(the log is empty)'} />
        </Box>
      )}
    </Box>
  );
}

/** The first pod and container that are not ready: that is where the reason is. */
function pickInitial(pods: PodSummary[]): { pod?: string; container?: string } {
  for (const pod of pods) {
    const failing = pod.containers.find(c => !c.ready);
    if (failing) return { pod: pod.name, container: failing.name };
  }
  return { pod: pods[0]?.name, container: pods[0]?.containers[0]?.name };
}
