import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { UpgradePlan } from '@internal/plugin-skip-common';
import { describeScope } from './describeScope';
import { formatDuration } from './formatDuration';
import { StepCommand } from './StepCommand';

/** Props of {@link PlanPreview}. */
export type PlanPreviewProps = { plan: UpgradePlan };

const ORDER_WHY: Record<UpgradePlan['order'], string> = {
  'admin-first':
    'Admin clusters first, then the user clusters they manage: from release 1.31 on, an admin cluster must run the new release before its user clusters may.',
  'user-clusters-first':
    'User clusters first, then the admin cluster that manages them: up to release 1.30, an admin cluster may not be newer than the user clusters it manages.',
};

/**
 * Everything a plan will do before anyone starts it: the order and why, each cluster's
 * from and to, the clusters left out and why, then every stage with every step, its exact
 * command, why it is there and how long it usually takes.
 */
export function PlanPreview(props: PlanPreviewProps) {
  const { plan } = props;
  const total = plan.stages
    .flatMap(s => s.steps)
    .reduce((sum, s) => sum + s.expectedSeconds, 0);
  return (
    <InfoCard
      title={`Plan: upgrade to ${plan.targetVersion}`}
      subheader={`Kubernetes ${plan.kubernetesVersion} · ${describeScope(
        plan.scope,
      )} · about ${formatDuration(total)} in all`}
    >
      <section aria-label="Plan order">
        <Typography variant="h6" component="h3">
          Order:{' '}
          {plan.order === 'admin-first'
            ? 'admin clusters first'
            : 'user clusters first'}
        </Typography>
        <Typography variant="body2" paragraph>
          {ORDER_WHY[plan.order]}
        </Typography>
      </section>

      <Typography variant="h6" component="h3">
        Clusters this plan changes
      </Typography>
      <Table size="small" aria-label="Clusters this plan changes">
        <TableHead>
          <TableRow>
            <TableCell>Cluster</TableCell>
            <TableCell>Environment</TableCell>
            <TableCell>Kind</TableCell>
            <TableCell>From</TableCell>
            <TableCell>To</TableCell>
            <TableCell>Why it is in the plan</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {plan.clusters.map(c => (
            <TableRow key={c.name}>
              <TableCell>{c.name}</TableCell>
              <TableCell>{c.environment}</TableCell>
              <TableCell>
                {c.role === 'admin' ? 'admin cluster' : 'user cluster'}
                {c.adminCluster ? ` (managed by ${c.adminCluster})` : ''}
              </TableCell>
              <TableCell>{c.from}</TableCell>
              <TableCell>{c.to}</TableCell>
              <TableCell>{c.why ?? 'in the scope you picked'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      {plan.leftOut.length > 0 && (
        <Box mt={2}>
          <Typography variant="h6" component="h3">
            Left out
          </Typography>
          <ul aria-label="Left out">
            {plan.leftOut.map(l => (
              <li key={l.cluster}>
                <strong>{l.cluster}</strong>: {l.reason}
              </li>
            ))}
          </ul>
        </Box>
      )}

      {plan.stages.map(stage => (
        <Box
          component="section"
          mt={3}
          key={stage.name}
          aria-label={`Stage: ${stage.environment}`}
        >
          <Typography variant="h6" component="h3">
            Stage: {stage.environment}
          </Typography>
          <ol>
            {stage.steps.map(step => (
              <li key={step.key}>
                <Box mb={1.5}>
                  <Typography variant="subtitle2" component="span">
                    {step.title}
                  </Typography>{' '}
                  <Chip size="small" label={step.kind} variant="outlined" />
                  {step.cluster && (
                    <Typography
                      variant="body2"
                      component="span"
                      color="textSecondary"
                    >
                      {' '}
                      on {step.cluster}
                    </Typography>
                  )}
                  <Typography
                    variant="body2"
                    component="span"
                    color="textSecondary"
                  >
                    {' '}
                    · usually ~{formatDuration(step.expectedSeconds)}
                  </Typography>
                  <StepCommand display={step.display} />
                  {step.why && (
                    <Typography variant="body2" color="textSecondary">
                      Why: {step.why}
                    </Typography>
                  )}
                </Box>
              </li>
            ))}
          </ol>
        </Box>
      ))}
    </InfoCard>
  );
}
