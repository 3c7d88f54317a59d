import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { describeError } from '@internal/plugin-skip-react';
import { ReactNode, useEffect, useState } from 'react';

/** Props of {@link ActionDialog}. */
export type ActionDialogProps = {
  open: boolean;
  title: string;
  /** The confirming button's words: what will happen ("Roll back to 1a2b3c4"). */
  confirmLabel: string;
  /** Asks the backend; a failure keeps the dialog open with the cause. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  children: ReactNode;
};

/**
 * A dialog that asks before an Argo CD request, shows that the request is on its way, and
 * says plainly why it failed instead of closing as if it had worked.
 */
export function ActionDialog(props: ActionDialogProps) {
  const { open, title, confirmLabel, onConfirm, onClose, children } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  useEffect(() => {
    if (open) setError(undefined);
  }, [open]);

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      aria-labelledby="argo-action-dialog-title"
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle id="argo-action-dialog-title">{title}</DialogTitle>
      <DialogContent>
        {children}
        {error && (
          <Alert severity="error" role="alert">
            {describeError(error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          color="primary"
          variant="contained"
          onClick={confirm}
          disabled={busy}
          style={{ whiteSpace: 'nowrap' }}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
