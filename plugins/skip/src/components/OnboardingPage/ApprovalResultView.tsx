import Typography from '@material-ui/core/Typography';
import type { OnboardingApprovalResult } from '@internal/plugin-skip-common';
import { OutcomeChip } from './StateChip';

/** What an approval did on each Argo CD instance, and where the objects are in git. */
export function ApprovalResultView(props: {
  result: OnboardingApprovalResult;
}) {
  const { request, applied } = props.result;
  const commitFailed = request.history.find(e => e.action === 'commit-failed');
  return (
    <>
      <ul aria-label="Approval result">
        {applied.map(a => (
          <li key={a.instance}>
            <strong>{a.instance}</strong>: <OutcomeChip outcome={a.outcome} />
            {a.error && ` – ${a.error}`}
          </li>
        ))}
      </ul>
      <Typography variant="body2">
        {request.gitBranch ? (
          <>
            Committed to the GitOps repository on branch{' '}
            <code>{request.gitBranch}</code>
          </>
        ) : (
          `Not committed to the GitOps repository${
            commitFailed?.message ? `: ${commitFailed.message}` : ''
          }`
        )}
      </Typography>
    </>
  );
}
