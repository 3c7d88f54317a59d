import { Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import NativeSelect from '@material-ui/core/NativeSelect';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { containerLogSource, PodSummary } from '@internal/plugin-skip-common';
import { useEffect, useState } from 'react';
import { FollowControl } from './FollowControl';
import { LogText } from './LogText';
import {
  defaultRun,
  LogRun,
  pickLogContainer,
  sourceOf,
} from './pickLogContainer';
import { useLogText } from './useLogText';

/** Props of {@link PodLog}. */
export type PodLogProps = {
  cluster: string;
  namespace: string;
  pods: PodSummary[];
};

/**
 * The log of one container of the resource's pods, read once or followed live. Opens on a
 * container that has a log, and says why one has none yet.
 */
export function PodLog(props: PodLogProps) {
  const { cluster, namespace, pods } = props;
  const [choice, setChoice] = useState(() => pickLogContainer(pods));
  const [follow, setFollow] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const { pod, container, run } = choice;

  // Pods come and go between polls (a rollout, a restart): move to a live one.
  const podNames = pods.map(p => p.name).join(',');
  useEffect(() => {
    if (pod && pods.some(p => p.name === pod)) return;
    setChoice(pickLogContainer(pods));
    setFollow(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [podNames]);

  const source = sourceOf(pods, pod, container);
  const readable = source.kind !== 'none';
  const following = follow && readable && run === 'current';
  const log = useLogText({
    cluster,
    namespace,
    pod,
    container: readable ? container : undefined,
    run,
    follow: following,
    attempt,
  });

  if (!pod) return null;
  const containers = pods.find(p => p.name === pod)?.containers ?? [];
  const selected = containers.find(c => c.name === container);
  const choose = (nextPod: string, nextContainer?: string) => {
    setChoice({
      pod: nextPod,
      container: nextContainer,
      run: defaultRun(sourceOf(pods, nextPod, nextContainer)),
    });
    setFollow(false);
  };

  return (
    <Box>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="flex-end"
        gridGap={16}
        mb={1}
      >
        <FormControl>
          <InputLabel htmlFor="skip-log-pod">Pod</InputLabel>
          <NativeSelect
            id="skip-log-pod"
            value={pod}
            onChange={e => {
              const next = pods.find(p => p.name === e.target.value);
              const firstWithLog = next?.containers.find(
                c => containerLogSource(c).kind !== 'none',
              );
              choose(
                e.target.value,
                (firstWithLog ?? next?.containers[0])?.name,
              );
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
              onChange={e => choose(pod, e.target.value)}
            >
              {containers.map(c => {
                const s = containerLogSource(c);
                return (
                  <option key={c.name} value={c.name}>
                    {s.kind === 'current' ? c.name : `${c.name} (${s.why})`}
                  </option>
                );
              })}
            </NativeSelect>
          </FormControl>
        )}
        {source.kind === 'previous' && (
          <FormControl>
            <InputLabel htmlFor="skip-log-run">Run</InputLabel>
            <NativeSelect
              id="skip-log-run"
              value={run}
              onChange={e => {
                setChoice({ ...choice, run: e.target.value as LogRun });
                setFollow(false);
              }}
            >
              <option value="previous">
                Previous run (before the restart)
              </option>
              <option value="current">Current run</option>
            </NativeSelect>
          </FormControl>
        )}
        {readable && (
          <FollowControl
            canFollow={run === 'current'}
            following={following}
            ended={following && log.ended}
            onChange={next => {
              setFollow(next);
              // Following again after the stream ended opens a new one.
              if (next) setAttempt(a => a + 1);
            }}
          />
        )}
      </Box>
      {source.kind === 'none' && (
        <Alert severity="info">
          <Typography variant="body2" component="span">
            <strong>No log yet</strong> — {container}: {source.why}
          </Typography>
          {selected?.message && (
            <Typography variant="body2" color="textSecondary">
              {selected.message}
            </Typography>
          )}
        </Alert>
      )}
      {readable && log.error && (
        <Alert
          severity="warning"
          action={
            <Button
              color="inherit"
              size="small"
              onClick={() => setAttempt(a => a + 1)}
            >
              Retry
            </Button>
          }
        >
          Could not read the log: {log.error.message}
        </Alert>
      )}
      {readable && !log.error && log.text === undefined && <Progress />}
      {readable && log.note && (
        <Typography variant="body2" color="textSecondary" gutterBottom>
          {log.note}
        </Typography>
      )}
      {readable && log.text !== undefined && (
        <LogText text={log.text} stickToEnd={following} />
      )}
    </Box>
  );
}
