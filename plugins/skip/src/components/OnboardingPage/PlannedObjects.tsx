import { CodeSnippet } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import type { OnboardingPlan } from '@internal/plugin-skip-common';
import { objectPath } from './describeOnboarding';
import { ActionChip } from './StateChip';

/** Every object the approval writes, by Argo CD instance, each with its YAML. */
export function PlannedObjects(props: { plan: OnboardingPlan }) {
  const { objects } = props.plan;
  if (objects.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        Approving writes no object.
      </Typography>
    );
  }
  return (
    <>
      {objects.map(o => {
        const label = `${o.kind} ${o.name} on ${o.instance}`;
        return (
          <Box
            key={`${o.instance}/${o.kind}/${objectPath(o)}`}
            component="section"
            aria-label={label}
            mb={2}
          >
            <Paper variant="outlined">
              <Box
                p={1}
                display="flex"
                alignItems="center"
                flexWrap="wrap"
                gridGap={8}
              >
                <ActionChip action={o.action} />
                <Typography variant="subtitle2" component="h3">
                  {o.kind} {objectPath(o)}
                </Typography>
                <Typography variant="body2" color="textSecondary">
                  on {o.instance} (cluster {o.cluster})
                </Typography>
              </Box>
              {o.reason && (
                <Box px={1} pb={1}>
                  <Typography variant="body2">{o.reason}</Typography>
                </Box>
              )}
              <CodeSnippet text={o.yaml} language="yaml" showCopyCodeButton />
            </Paper>
          </Box>
        );
      })}
    </>
  );
}
