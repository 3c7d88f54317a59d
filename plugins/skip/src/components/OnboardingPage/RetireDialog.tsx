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
import type { TeamPrefix } from '@internal/plugin-skip-common';
import { skipOnboardingApiRef } from '@internal/plugin-skip-react';
import { useState } from 'react';
import { backendMessage } from '../UpgradesPage/backendMessage';
import { shortRef } from './describeOnboarding';

/** Props of {@link RetireDialog}. */
export type RetireDialogProps = {
  prefix: TeamPrefix;
  onClose: () => void;
  onRetired: (prefix: TeamPrefix) => void;
};

/**
 * Retires a prefix, with a reason. The backend refuses (409) while namespaces under the
 * prefix exist; the refusal is shown in its words and "Retire anyway" forces it.
 */
export function RetireDialog(props: RetireDialogProps) {
  const { prefix, onClose, onRetired } = props;
  const api = useApi(skipOnboardingApiRef);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  // The backend's refusal while namespaces exist; forcing is offered only after it.
  const [refusal, setRefusal] = useState<string>();

  const retire = async (force: boolean) => {
    setBusy(true);
    setFailure(undefined);
    try {
      onRetired(await api.retirePrefix(prefix.prefix, reason.trim(), force));
    } catch (e) {
      const { message, status } = backendMessage(e);
      if (status === 409 && !force) setRefusal(message);
      else
        setFailure(
          `Not retired: ${message}${status ? ` (HTTP ${status})` : ''}`,
        );
      setBusy(false);
    }
  };

  const count = prefix.namespaces.length;
  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="sm"
      fullWidth
      aria-labelledby="onboarding-retire-title"
    >
      <DialogTitle id="onboarding-retire-title">
        Retire {prefix.prefix}?
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2" paragraph>
          {shortRef(prefix.team)} loses the prefix: its AppProject no longer
          allows it and the prefix is free for others.{' '}
          {count > 0 &&
            `${count} namespace${count === 1 ? '' : 's'} under it exist today.`}
        </Typography>
        <TextField
          fullWidth
          multiline
          minRows={2}
          variant="outlined"
          size="small"
          id="onboarding-retire-reason"
          label="Reason"
          required
          value={reason}
          onChange={e => setReason(e.target.value)}
          inputProps={{ maxLength: 1000 }}
          helperText="Required; kept with the prefix"
        />
        {refusal && (
          <Box mt={2}>
            <Alert severity="warning">
              <AlertTitle>The prefix is still in use</AlertTitle>
              {refusal.replace(/\.$/, '')}. Retiring it anyway leaves those
              namespaces without a team's AppProject.
            </Alert>
          </Box>
        )}
        {failure && (
          <Box mt={2}>
            <Alert severity="error">{failure}</Alert>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        {refusal ? (
          <Button
            variant="contained"
            color="secondary"
            disabled={busy || !reason.trim()}
            onClick={() => retire(true)}
          >
            Retire anyway
          </Button>
        ) : (
          <Button
            variant="contained"
            color="primary"
            disabled={busy || !reason.trim()}
            onClick={() => retire(false)}
          >
            Retire
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
