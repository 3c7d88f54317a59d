import Typography from '@material-ui/core/Typography';
import { useNow } from '../../hooks/useNow';
import { formatAge } from '../../lib/formatAge';

/** Props of {@link Freshness}. */
export type FreshnessProps = {
  /** When the backend produced the data shown (ISO time). */
  generatedAt?: string;
  /** The error of the latest refresh, when it failed and older data is shown. */
  error?: Error;
};

/** One line saying how old the data on screen is, counting up between polls. */
export function Freshness(props: FreshnessProps) {
  const { generatedAt, error } = props;
  const now = useNow();
  const age = formatAge(generatedAt, now);
  return (
    <Typography
      variant="body2"
      color={error ? 'error' : 'textSecondary'}
      role="status"
    >
      {age ? `Updated ${age} ago` : 'Not loaded yet'}
      {error ? ` · refresh failed: ${error.message}` : ' · live'}
    </Typography>
  );
}
