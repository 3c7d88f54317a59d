import { Progress, WarningPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { ReactNode } from 'react';
import { FleetDataState } from '../../hooks/useFleetData';
import { describeError, isNotAllowedError } from '../../lib/describeError';

/** Props of {@link AsyncContent}. */
export type AsyncContentProps<T> = {
  /** What a loading hook such as `useFleetData` returned. */
  state: FleetDataState<T>;
  /** What is loaded, as it ends "Could not load …": "the fleet", "the apps". */
  what: string;
  /** The content, once there is a value. */
  children: (value: T) => ReactNode;
};

/**
 * The states every SKIP view shares, written once: a progress bar until the first answer,
 * a refusal told in the backend's words, a failure with its cause and Retry, and, when a
 * later refresh fails, the older data under a warning that says so.
 */
export function AsyncContent<T>(props: AsyncContentProps<T>) {
  const { state, what, children } = props;
  const { value, error, loading, retry } = state;
  if (value === undefined) {
    if (loading || !error) return <Progress />;
    if (isNotAllowedError(error)) {
      // A refusal is an answer, not a fault: no Retry, say who may look.
      return (
        <Alert severity="info">
          <AlertTitle>Not yours to look into</AlertTitle>
          {error.cause?.message || error.message}
        </Alert>
      );
    }
    return (
      <WarningPanel
        severity="error"
        title={`Could not load ${what}`}
        message={describeError(error)}
        defaultExpanded
      >
        <RetryButton onClick={retry} />
      </WarningPanel>
    );
  }
  return (
    <>
      {error && (
        <Box mb={2}>
          <WarningPanel
            title="Showing older data"
            message={`The latest refresh failed: ${describeError(error)}`}
            defaultExpanded
          >
            <RetryButton onClick={retry} />
          </WarningPanel>
        </Box>
      )}
      {children(value)}
    </>
  );
}

function RetryButton(props: { onClick: () => void }) {
  return (
    <Button variant="outlined" onClick={props.onClick}>
      Retry
    </Button>
  );
}
