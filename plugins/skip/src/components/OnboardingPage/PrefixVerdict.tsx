import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { shortRef } from './describeOnboarding';
import type { PrefixValidationState } from './usePrefixValidation';

/** Props of {@link PrefixVerdict}. */
export type PrefixVerdictProps = {
  state: PrefixValidationState;
  /** Problems no field fits, as `field: message`. */
  unplaced: string[];
  /** False while there is nothing to check yet (no prefix typed). */
  checking: boolean;
};

/** What the backend said of the prefix as a whole: the namespaces it takes in, stray problems. */
export function PrefixVerdict(props: PrefixVerdictProps) {
  const { state, unplaced, checking } = props;
  const { verdict, failure } = state;
  return (
    <Box mt={2} aria-live="polite">
      {failure && (
        <Alert severity="error">
          The prefix could not be checked: {failure}
        </Alert>
      )}
      {unplaced.map(m => (
        <Alert key={m} severity="error">
          {m}
        </Alert>
      ))}
      {verdict && verdict.captures.length > 0 && (
        <>
          <Typography variant="subtitle2">
            Namespaces that exist today and that the prefix would take in
          </Typography>
          <ul aria-label="Namespaces the prefix would take in">
            {verdict.captures.map(c => (
              <li key={`${c.cluster}/${c.namespace}`}>
                <Typography variant="body2">
                  {c.cluster} / {c.namespace} ·{' '}
                  {c.owner ? `owned by ${shortRef(c.owner)}` : 'no owner'}
                </Typography>
              </li>
            ))}
          </ul>
        </>
      )}
      {verdict && verdict.captures.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          The prefix would take in no namespace that exists today.
        </Typography>
      )}
      {checking && !verdict && !failure && (
        <Typography variant="body2" color="textSecondary">
          Checking the prefix…
        </Typography>
      )}
    </Box>
  );
}
