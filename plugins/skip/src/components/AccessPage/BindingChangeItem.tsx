import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type { AccessBindingChange } from '@internal/plugin-skip-common';
import { DiffLines } from './DiffLines';

const ACTION_COLOR = {
  create: 'primary',
  update: 'default',
  delete: 'secondary',
} as const;

/** Where a binding lives: `namespace/name`, or the name of a cluster-wide one. */
export function bindingPath(b: { namespace?: string; name: string }) {
  return b.namespace ? `${b.namespace}/${b.name}` : b.name;
}

/** One change of a plan: what, where, which role for which IAM groups, why, and the diff. */
export function BindingChangeItem(props: { change: AccessBindingChange }) {
  const { change } = props;
  const what = `${change.action} ${change.kind} ${bindingPath(change)}`;
  return (
    <Box component="li" mb={1.5} aria-label={what}>
      <Chip
        size="small"
        label={change.action}
        color={ACTION_COLOR[change.action]}
      />{' '}
      <Typography component="span" variant="subtitle2">
        {change.kind} {bindingPath(change)}
      </Typography>{' '}
      <Typography component="span" variant="body2">
        role {change.role} for {change.groups.join(', ') || 'no group'}
      </Typography>
      {change.escalating && (
        <Typography component="span" variant="body2" color="error">
          {' '}
          · escalating
        </Typography>
      )}
      <Typography variant="body2" color="textSecondary">
        {change.reason}
      </Typography>
      <DiffLines lines={change.diff} label={`Diff of ${what}`} />
    </Box>
  );
}
