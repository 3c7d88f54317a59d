import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { AccessClusterPlan } from '@internal/plugin-skip-common';
import { BindingChangeItem, bindingPath } from './BindingChangeItem';

/** Props of {@link ClusterPlanCard}. */
export type ClusterPlanCardProps = {
  plan: AccessClusterPlan;
  /** Offers "Apply <cluster>" when set; `disabledWhy` says why it cannot be pressed. */
  onApply?: () => void;
  disabledWhy?: string;
};

function counts(plan: AccessClusterPlan): string {
  const n = (action: string) =>
    plan.changes.filter(c => c.action === action).length;
  return `${n('create')} to create, ${n('update')} to update, ${n(
    'delete',
  )} to delete, ${plan.unchanged} unchanged`;
}

/**
 * One cluster's part of the plan: its changes with their diffs and the bindings it leaves
 * alone; a cluster that is down is one line with the reason, so the others stay readable.
 */
export function ClusterPlanCard(props: ClusterPlanCardProps) {
  const { plan, onApply, disabledWhy } = props;
  if (!plan.reachable) {
    return (
      <Alert severity="error" aria-label={`Plan of ${plan.cluster}`}>
        <strong>{plan.cluster}</strong> ({plan.environment}) could not be
        planned: {plan.error ?? 'not reachable'}
      </Alert>
    );
  }
  return (
    <section aria-label={`Plan of ${plan.cluster}`}>
      <InfoCard
        title={plan.cluster}
        subheader={`${plan.environment} · ${counts(plan)}`}
      >
        {plan.changes.length === 0 && (
          <Typography variant="body2">Nothing to change.</Typography>
        )}
        <ul aria-label={`Changes on ${plan.cluster}`}>
          {plan.changes.map(c => (
            <BindingChangeItem key={`${c.kind}/${bindingPath(c)}`} change={c} />
          ))}
        </ul>
        {plan.conflicts.length > 0 && (
          <Box mt={1}>
            <Typography variant="subtitle2">Not ours, left alone</Typography>
            <ul aria-label={`Conflicts on ${plan.cluster}`}>
              {plan.conflicts.map(c => (
                <li key={`${c.kind}/${bindingPath(c)}`}>
                  {c.kind} {bindingPath(c)}: {c.reason}
                </li>
              ))}
            </ul>
          </Box>
        )}
        {onApply && plan.changes.length > 0 && (
          <Box mt={1} display="flex" alignItems="center" gridGap={8}>
            <Button
              variant="outlined"
              color="primary"
              disabled={!!disabledWhy}
              onClick={onApply}
            >
              Apply {plan.cluster}
            </Button>
            {disabledWhy && (
              <Typography variant="body2" color="textSecondary">
                {disabledWhy}
              </Typography>
            )}
          </Box>
        )}
      </InfoCard>
    </section>
  );
}
