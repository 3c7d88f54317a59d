import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import type { UpgradeRun, UpgradeRunStep } from '@internal/plugin-skip-common';
import { useState } from 'react';
import { ReasonDialog } from './ReasonDialog';
import { RightButton } from './RightButton';
import { StepItem } from './StepItem';
import type { RunAction } from './useRunActions';

/** Props of {@link StageLadder}. */
export type StageLadderProps = {
  run: UpgradeRun;
  /** The step whose output is open. */
  selectedStep?: string;
  onSelectStep: (key: string | undefined) => void;
  actions: RunAction;
};

type Stage = { name: string; environment: string; steps: UpgradeRunStep[] };

const OPEN_STATES = new Set(['pending', 'waiting', 'failed']);

/** The run's steps grouped by stage, in the plan's order (sandbox → dev → test → prod). */
function stagesOf(run: UpgradeRun): Stage[] {
  const stages: Stage[] = run.plan.stages.map(s => ({
    name: s.name,
    environment: s.environment,
    steps: [],
  }));
  for (const step of run.steps) {
    let stage = stages.find(s => s.name === step.stage);
    if (!stage) {
      stage = { name: step.stage, environment: step.stage, steps: [] };
      stages.push(stage);
    }
    stage.steps.push(step);
  }
  return stages.filter(s => s.steps.length > 0);
}

/** Clusters of a stage that still have steps to run, which can be skipped. */
function skippableClusters(stage: Stage): string[] {
  const clusters = new Set<string>();
  for (const step of stage.steps) {
    if (step.cluster && OPEN_STATES.has(step.state)) clusters.add(step.cluster);
  }
  return [...clusters];
}

/**
 * The ladder: one section per stage, headed by its environment, with its steps in order
 * and, for the clusters that still have steps to run, "Skip cluster".
 */
export function StageLadder(props: StageLadderProps) {
  const { run, selectedStep, onSelectStep, actions } = props;
  const [skipping, setSkipping] = useState<string | undefined>();
  const ended = run.state === 'aborted' || run.state === 'succeeded';
  return (
    <>
      {stagesOf(run).map(stage => {
        const done = stage.steps.filter(
          s => s.state === 'succeeded' || s.state === 'skipped',
        ).length;
        const clusters = ended ? [] : skippableClusters(stage);
        return (
          <Paper
            key={stage.name}
            component="section"
            aria-labelledby={`skip-stage-${stage.name}`}
            style={{ marginBottom: 16 }}
          >
            <Box p={2}>
              <Typography
                variant="h5"
                component="h3"
                id={`skip-stage-${stage.name}`}
              >
                Stage: {stage.environment}
              </Typography>
              <Typography variant="body2" color="textSecondary">
                {done}/{stage.steps.length} steps done
                {stage.name !== stage.environment ? ` · ${stage.name}` : ''}
              </Typography>
              {clusters.length > 0 && (
                <Box mt={1} display="flex" flexWrap="wrap" alignItems="center">
                  {clusters.map(cluster => (
                    <RightButton
                      key={cluster}
                      right={run.viewer.operate}
                      busy={actions.busy}
                      variant="text"
                      ariaLabel={`Skip cluster ${cluster}`}
                      onClick={() => setSkipping(cluster)}
                    >
                      Skip cluster {cluster}
                    </RightButton>
                  ))}
                </Box>
              )}
              <Box component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
                {stage.steps.map(step => (
                  <StepItem
                    key={step.key}
                    run={run}
                    step={step}
                    selected={selectedStep === step.key}
                    onSelect={() =>
                      onSelectStep(
                        selectedStep === step.key ? undefined : step.key,
                      )
                    }
                    actions={actions}
                  />
                ))}
              </Box>
            </Box>
          </Paper>
        );
      })}
      <ReasonDialog
        open={skipping !== undefined}
        title={`Skip cluster ${skipping ?? ''}?`}
        description={`Every step of ${
          skipping ?? ''
        } that has not run is skipped: the cluster stays on the release it has now. The run goes on with the other clusters.`}
        confirmLabel="Skip cluster"
        minLength={3}
        onClose={() => setSkipping(undefined)}
        onConfirm={reason => {
          const cluster = skipping!;
          setSkipping(undefined);
          actions.run(`skip ${cluster}`, api =>
            api.skipCluster(run.id, cluster, reason),
          );
        }}
      />
    </>
  );
}
