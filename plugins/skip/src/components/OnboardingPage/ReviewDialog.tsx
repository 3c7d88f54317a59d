import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import type {
  OnboardingApprovalResult,
  OnboardingPlan,
  PrefixRequest,
} from '@internal/plugin-skip-common';
import {
  AsyncContent,
  skipOnboardingApiRef,
} from '@internal/plugin-skip-react';
import { useState } from 'react';
import { ConfirmDialog } from '../AccessPage/ConfirmDialog';
import { useAccessData } from '../AccessPage/useAccessData';
import { backendMessage } from '../UpgradesPage/backendMessage';
import { shortRef } from './describeOnboarding';
import { PlannedObjects } from './PlannedObjects';

/** Props of {@link ReviewDialog}. */
export type ReviewDialogProps = {
  request: PrefixRequest;
  onClose: () => void;
  onApproved: (result: OnboardingApprovalResult) => void;
  onRejected: (request: PrefixRequest) => void;
};

/** The Argo CD instances a plan writes to, in the plan's order. */
const instancesOf = (plan: OnboardingPlan) => [
  ...new Set(plan.objects.map(o => o.instance)),
];

/**
 * The platform team's review of a pending request: what approving writes on each Argo CD
 * instance (every object with its YAML) and what the team may do in the prefix, then
 * Approve (after asking; a reason is optional) or Reject (a reason is required).
 */
export function ReviewDialog(props: ReviewDialogProps) {
  const { request, onClose, onApproved, onRejected } = props;
  const api = useApi(skipOnboardingApiRef);
  const plan = useAccessData(
    () => api.planRequest(request.id),
    [api, request.id],
  );
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string>();
  const team = shortRef(request.team);

  const act = async (what: string, action: () => Promise<void>) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await action();
    } catch (e) {
      const { message, status } = backendMessage(e);
      setFailure(`Not ${what}: ${message}${status ? ` (HTTP ${status})` : ''}`);
      setBusy(false);
    }
  };
  const approve = () => {
    setConfirming(false);
    return act('approved', async () =>
      onApproved(
        await api.approveRequest(request.id, reason.trim() || undefined),
      ),
    );
  };
  const reject = () =>
    act('rejected', async () =>
      onRejected(await api.rejectRequest(request.id, reason.trim())),
    );

  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="lg"
      fullWidth
      aria-labelledby="onboarding-review-title"
    >
      <DialogTitle id="onboarding-review-title">
        Review {request.prefix} for {team}
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2" paragraph>
          Requested by {shortRef(request.requestedBy)}
          {request.reason ? `: ${request.reason}` : ''}
        </Typography>
        <AsyncContent state={plan} what="the plan" loadingRows={6}>
          {value => (
            <>
              <Box mb={2}>
                <Alert severity="info">
                  <AlertTitle>Access in the prefix</AlertTitle>
                  <span aria-label="Access rule">{value.accessRule}</span>
                </Alert>
              </Box>
              {value.unreachable.length > 0 && (
                <Box mb={2}>
                  <Alert severity="warning">
                    <AlertTitle>
                      Some Argo CD instances did not answer; their part of the
                      plan is unknown
                    </AlertTitle>
                    <ul aria-label="Unreachable instances">
                      {value.unreachable.map(u => (
                        <li key={u.instance}>
                          {u.instance}: {u.error}
                        </li>
                      ))}
                    </ul>
                  </Alert>
                </Box>
              )}
              {value.objects.some(o => o.action === 'conflict') && (
                <Box mb={2}>
                  <Alert severity="warning">
                    Some objects conflict with what is on their cluster; the
                    reason is given at each.
                  </Alert>
                </Box>
              )}
              <PlannedObjects plan={value} />
            </>
          )}
        </AsyncContent>
        <Box mt={2}>
          <TextField
            fullWidth
            multiline
            minRows={2}
            variant="outlined"
            size="small"
            id="onboarding-decision-reason"
            label="Reason"
            value={reason}
            onChange={e => setReason(e.target.value)}
            inputProps={{ maxLength: 1000 }}
            helperText="Optional when approving; required to reject"
          />
        </Box>
        {failure && (
          <Box mt={2}>
            <Alert severity="error">{failure}</Alert>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="outlined"
          disabled={busy || !reason.trim()}
          onClick={reject}
        >
          Reject
        </Button>
        <Button
          variant="contained"
          color="primary"
          disabled={busy || !plan.value}
          onClick={() => setConfirming(true)}
        >
          Approve
        </Button>
      </DialogActions>
      {confirming && plan.value && (
        <ConfirmDialog
          title={`Approve ${request.prefix} for ${team}?`}
          confirmLabel="Approve"
          onCancel={() => setConfirming(false)}
          onConfirm={approve}
        >
          The {plan.value.objects.length} objects shown are written to{' '}
          {instancesOf(plan.value).join(' and ') || 'no instance'} with
          server-side apply and committed to the GitOps repository; {team} may
          then deploy to namespaces starting with {request.prefix}.
        </ConfirmDialog>
      )}
    </Dialog>
  );
}
