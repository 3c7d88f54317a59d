import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { RuleValidationState } from './useRuleValidation';

/** Props of {@link RuleVerdict}. */
export type RuleVerdictProps = {
  state: RuleValidationState;
  /** Errors no field fits, as `path: message`. */
  unplaced: string[];
  /** False while the rule lacks what a check needs (the fields say what). */
  checking: boolean;
};

/** What the backend said of the rule as a whole: where it would bind, escalation, stray errors. */
export function RuleVerdict(props: RuleVerdictProps) {
  const { state, unplaced, checking } = props;
  const { verdict, failure } = state;
  return (
    <Box mt={2} aria-live="polite">
      {failure && (
        <Alert severity="error">The rule could not be checked: {failure}</Alert>
      )}
      {unplaced.map(m => (
        <Alert key={m} severity="error">
          {m}
        </Alert>
      ))}
      {verdict?.escalating && (
        <Alert severity="warning">
          This role is escalating (it can grant more than it names): applying it
          needs the approve-escalation permission.
        </Alert>
      )}
      {verdict && (
        <Typography variant="body2" color="textSecondary">
          {verdict.clusters.length
            ? `Would bind on: ${verdict.clusters.join(', ')}`
            : 'Would bind on no cluster'}
        </Typography>
      )}
      {checking && !verdict && !failure && (
        <Typography variant="body2" color="textSecondary">
          Checking the rule…
        </Typography>
      )}
    </Box>
  );
}
