import { useNow } from '../../hooks/useNow';
import { formatTimeAgo } from '../../lib/formatTimeAgo';

/** Props of {@link Age}. */
export type AgeProps = {
  /** ISO time. */
  time?: string;
  /** Text when the time is unknown. */
  fallback?: string;
};

/** "4 minutes ago", counting up by itself, with the exact time as a tooltip. */
export function Age(props: AgeProps) {
  const now = useNow(5000);
  const age = formatTimeAgo(props.time, now);
  if (!age) return <>{props.fallback ?? '–'}</>;
  return (
    <time dateTime={props.time} title={props.time}>
      {age}
    </time>
  );
}
