import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { useEffect, useState } from 'react';

/** Props of {@link ReasonDialog}. */
export type ReasonDialogProps = {
  open: boolean;
  title: string;
  /** What will happen, in plain words. */
  description: string;
  /** The confirming button's text, e.g. "Abort run". */
  confirmLabel: string;
  /** The shortest reason accepted; 0 makes the reason optional. */
  minLength: number;
  onConfirm: (reason: string) => void;
  onClose: () => void;
};

const MAX_LENGTH = 500;

/** Asks to confirm an action, with a written reason (optional or required) that goes into the run's record. */
export function ReasonDialog(props: ReasonDialogProps) {
  const { open, title, description, confirmLabel, minLength } = props;
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (open) setReason('');
  }, [open]);
  const trimmed = reason.trim();
  const tooShort = trimmed.length < minLength;
  return (
    <Dialog
      open={open}
      onClose={props.onClose}
      aria-labelledby="skip-reason-dialog-title"
    >
      <DialogTitle id="skip-reason-dialog-title">{title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{description}</DialogContentText>
        <TextField
          id="skip-reason"
          label={minLength > 0 ? 'Reason' : 'Reason (optional)'}
          fullWidth
          multiline
          minRows={2}
          variant="outlined"
          value={reason}
          onChange={e => setReason(e.target.value)}
          inputProps={{ maxLength: MAX_LENGTH }}
          helperText={
            minLength > 0
              ? `Required, at least ${minLength} characters; everyone who looks at the run sees it.`
              : 'Everyone who looks at the run sees it.'
          }
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="secondary"
          variant="contained"
          disabled={tooShort}
          onClick={() => props.onConfirm(trimmed)}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
