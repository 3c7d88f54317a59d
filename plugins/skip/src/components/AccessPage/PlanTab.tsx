import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import type {
  AccessClusterPlan,
  AccessPlan,
  AccessRights,
} from '@internal/plugin-skip-common';
import { AsyncContent, skipAccessApiRef } from '@internal/plugin-skip-react';
import { useState } from 'react';
import { ApplyResults } from './ApplyResults';
import { ClusterPlanCard } from './ClusterPlanCard';
import { ConfirmDialog } from './ConfirmDialog';
import { useAccessData } from './useAccessData';
import { usePlanApply } from './usePlanApply';

/** Props of {@link PlanTab}. */
export type PlanTabProps = { rights: AccessRights };

const ESCALATION_WHY =
  'The plan binds an escalating role (cluster-admin or the like): only someone with the approve-escalation permission may apply it.';

const escalates = (clusters: AccessClusterPlan[]) =>
  clusters.some(c => c.changes.some(ch => ch.escalating));

/** What the rules would change on every cluster, and (for the platform team) applying it. */
export function PlanTab(props: PlanTabProps) {
  const api = useApi(skipAccessApiRef);
  const state = useAccessData(() => api.getPlan(), [api]);
  return (
    <AsyncContent state={state} what="the plan" loadingRows={6}>
      {plan => (
        <PlanView plan={plan} rights={props.rights} reload={state.retry} />
      )}
    </AsyncContent>
  );
}

type PlanViewProps = PlanTabProps & { plan: AccessPlan; reload: () => void };

function PlanView(props: PlanViewProps) {
  const { plan, rights, reload } = props;
  const { applying, result, failure, apply } = usePlanApply(plan, reload);
  // The cluster to apply (or '' for all) while the confirmation is open.
  const [confirming, setConfirming] = useState<string>();
  const changes = plan.clusters.reduce((n, c) => n + c.changes.length, 0);
  const blockedFor = (clusters: AccessClusterPlan[]) =>
    escalates(clusters) && !rights.approveEscalation
      ? ESCALATION_WHY
      : undefined;
  const allBlocked = blockedFor(plan.clusters);

  return (
    <>
      <Box mb={2} display="flex" alignItems="center" gridGap={16}>
        <Typography variant="body2">
          {changes} change{changes === 1 ? '' : 's'} on{' '}
          {plan.clusters.filter(c => c.changes.length).length} of{' '}
          {plan.clusters.length} clusters
        </Typography>
        {rights.apply && (
          <Button
            variant="contained"
            color="primary"
            disabled={applying || changes === 0 || !!allBlocked}
            onClick={() => setConfirming('')}
          >
            Apply
          </Button>
        )}
        <Button variant="outlined" onClick={reload} disabled={applying}>
          Plan again
        </Button>
      </Box>
      {rights.apply && allBlocked && (
        <Box mb={2}>
          <Alert severity="info">{allBlocked}</Alert>
        </Box>
      )}
      {failure && (
        <Box mb={2}>
          <Alert severity="error">{failure}</Alert>
        </Box>
      )}
      {result && (
        <Box mb={2}>
          <Alert severity="info">
            <AlertTitle>Applied</AlertTitle>
            <ApplyResults results={result.clusters} label="Apply result" />
          </Alert>
        </Box>
      )}
      <Grid container spacing={2}>
        {plan.clusters.map(c => (
          <Grid item xs={12} key={c.cluster}>
            <ClusterPlanCard
              plan={c}
              onApply={
                rights.apply ? () => setConfirming(c.cluster) : undefined
              }
              disabledWhy={applying ? 'Applying…' : blockedFor([c])}
            />
          </Grid>
        ))}
      </Grid>
      {confirming !== undefined && (
        <ConfirmDialog
          title={
            confirming ? `Apply the plan on ${confirming}?` : 'Apply the plan?'
          }
          confirmLabel="Apply"
          onCancel={() => setConfirming(undefined)}
          onConfirm={() => {
            setConfirming(undefined);
            apply(confirming || undefined);
          }}
        >
          {confirming
            ? `The changes shown for ${confirming} are written to it with server-side apply.`
            : `The ${changes} changes shown are written to their clusters with server-side apply; each cluster succeeds or fails on its own.`}
        </ConfirmDialog>
      )}
    </>
  );
}
