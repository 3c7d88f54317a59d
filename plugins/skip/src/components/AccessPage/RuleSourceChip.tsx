import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import type { AccessRule } from '@internal/plugin-skip-common';

const WHAT: Record<AccessRule['source'], string> = {
  database: 'Made on this page; can be changed here',
  git: 'Read from the rules folder in git; change it there',
  'team-default':
    "Every team with a namespace prefix gets edit in its own prefix; follows the team's catalog entry",
};

/** Where a rule comes from, and what that means for changing it. */
export function RuleSourceChip(props: { rule: AccessRule }) {
  const { rule } = props;
  const label =
    rule.source === 'git' && rule.file ? `git: ${rule.file}` : rule.source;
  return (
    <Tooltip title={WHAT[rule.source] ?? rule.source}>
      <Chip
        size="small"
        variant="outlined"
        label={label}
        color={rule.source === 'database' ? 'primary' : 'default'}
      />
    </Tooltip>
  );
}
