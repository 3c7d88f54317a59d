import { EmptyState } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { ReactNode } from 'react';
import { FleetDataState } from '../../hooks/useFleetData';
import { describeError, isNotAllowedError } from '../../lib/describeError';
import { SkeletonRows } from '../SkeletonRows';

/** What a view says when its answer holds nothing to show. */
export type AsyncContentEmpty = {
  title: string;
  /** What it means and what the user can do about it. */
  description?: string | JSX.Element;
  /** A button or link that helps, such as "Read how to name your apps". */
  action?: JSX.Element;
};

/** Props of {@link AsyncContent}. */
export type AsyncContentProps<T> = {
  /** What a loading hook such as `useFleetData` returned. */
  state: FleetDataState<T>;
  /** What is loaded, as it ends "Could not load …": "the fleet", "the apps". */
  what: string;
  /** The content, once there is a value. */
  children: (value: T) => ReactNode;
  /** Placeholder rows while the first answer is on the way; about as many as usual. */
  loadingRows?: number;
  /** True when the answer has nothing to show; `empty` then replaces the content. */
  isEmpty?: (value: T) => boolean;
  /** The empty state shown when `isEmpty` says so. */
  empty?: AsyncContentEmpty;
};

/**
 * The states every SKIP view shares, written once: skeleton rows until the first answer,
 * a refusal told in the backend's words, a failure inline with its cause and Retry, an
 * empty answer as a designed empty state, and, when a later refresh fails, the older
 * data under a warning that says so.
 */
export function AsyncContent<T>(props: AsyncContentProps<T>) {
  const { state, what, children, loadingRows, isEmpty, empty } = props;
  const { value, error, loading, retry } = state;
  if (value === undefined) {
    if (loading || !error) {
      return <SkeletonRows label={`Loading ${what}`} rows={loadingRows} />;
    }
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
      <Alert severity="error" action={<RetryButton onClick={retry} />}>
        <AlertTitle>Could not load {what}</AlertTitle>
        {describeError(error)}
      </Alert>
    );
  }
  const showEmpty = empty !== undefined && isEmpty?.(value) === true;
  return (
    <>
      {error && (
        <Box mb={2}>
          <Alert severity="warning" action={<RetryButton onClick={retry} />}>
            <AlertTitle>Showing older data</AlertTitle>
            The latest refresh failed: {describeError(error)}
          </Alert>
        </Box>
      )}
      {showEmpty ? (
        <EmptyState
          missing="data"
          title={empty.title}
          description={empty.description}
          action={empty.action}
        />
      ) : (
        children(value)
      )}
    </>
  );
}

function RetryButton(props: { onClick: () => void }) {
  return (
    <Button
      color="inherit"
      variant="outlined"
      size="small"
      style={{ whiteSpace: 'nowrap' }}
      onClick={props.onClick}
    >
      Retry
    </Button>
  );
}
