import Typography from '@material-ui/core/Typography';
import { useNow } from '../../hooks/useNow';
import { formatTimeAgo } from '../../lib/formatTimeAgo';
import { describeError } from '../../lib/describeError';

/** Props of {@link Freshness}. */
export type FreshnessProps = {
  /** When the backend produced the data shown (ISO time). */
  generatedAt?: string;
  /** The error of the latest refresh, when it failed and older data is shown. */
  error?: Error;
};

/** One line saying how old the data on screen is, counting up between updates. */
export function Freshness(props: FreshnessProps) {
  const { generatedAt, error } = props;
  const now = useNow();
  const age = formatTimeAgo(generatedAt, now);
  return (
    <Typography
      variant="body2"
      color={error ? 'error' : 'textSecondary'}
      role="status"
    >
      {age ? `Updated ${age}` : 'Not loaded yet'}
      {error ? ` · refresh failed: ${describeError(error)}` : ' · live'}
    </Typography>
  );
}
