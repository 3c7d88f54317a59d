import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import DeleteIcon from '@material-ui/icons/Delete';
import EditIcon from '@material-ui/icons/Edit';
import type { AccessRule } from '@internal/plugin-skip-common';

/** Props of {@link RuleActions}. */
export type RuleActionsProps = {
  rule: AccessRule;
  onEdit: (rule: AccessRule) => void;
  onDelete: (rule: AccessRule) => void;
};

const READ_ONLY: Record<string, string> = {
  git: 'This rule is read from the rules folder in git: change it there, by a pull request',
  'team-default':
    "A team's default rule follows its catalog entry (the namespace prefix); it cannot be changed here",
};

/** Edit and delete of a database rule; for the others, why they cannot be changed here. */
export function RuleActions(props: RuleActionsProps) {
  const { rule, onEdit, onDelete } = props;
  const readOnly = READ_ONLY[rule.source];
  // A disabled button gets no pointer events, so the tooltip hangs on a span around it.
  return (
    <Tooltip title={readOnly ?? ''}>
      <span style={{ whiteSpace: 'nowrap' }}>
        <IconButton
          size="small"
          aria-label={`Edit rule ${rule.id}`}
          disabled={!!readOnly}
          onClick={() => onEdit(rule)}
        >
          <EditIcon fontSize="small" />
        </IconButton>
        <IconButton
          size="small"
          aria-label={`Delete rule ${rule.id}`}
          disabled={!!readOnly}
          onClick={() => onDelete(rule)}
        >
          <DeleteIcon fontSize="small" />
        </IconButton>
      </span>
    </Tooltip>
  );
}
