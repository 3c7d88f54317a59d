import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import type { AccessClusterApplyResult } from '@internal/plugin-skip-common';

function Outcome(props: { result: AccessClusterApplyResult }) {
  const { outcome } = props.result;
  if (outcome === 'failed') return <StatusError>failed</StatusError>;
  if (outcome === 'partial') return <StatusWarning>partial</StatusWarning>;
  return <StatusOK>{outcome}</StatusOK>;
}

/** What an apply or a repair did on each cluster, with every error in the cluster's words. */
export function ApplyResults(props: {
  results: AccessClusterApplyResult[];
  label: string;
}) {
  return (
    <ul aria-label={props.label}>
      {props.results.map(r => (
        <li key={r.cluster}>
          <strong>{r.cluster}</strong>: <Outcome result={r} /> ({r.created}{' '}
          created, {r.updated} updated, {r.deleted} deleted)
          {r.errors.length > 0 && (
            <ul>
              {r.errors.map(e => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
