import DialogContentText from '@material-ui/core/DialogContentText';
import { ArgoHistoryEntry } from '@internal/plugin-skip-common';
import { Age } from '@internal/plugin-skip-react';
import { useRef } from 'react';
import { ActionDialog } from './ActionDialog';
import { describeInitiator, shortRevision } from './argoText';

/** Props of {@link RollbackDialog}. */
export type RollbackDialogProps = {
  /** The history entry to deploy again; the dialog is open while one is given. */
  entry?: ArgoHistoryEntry;
  appName: string;
  /** Where the app runs, named so nobody rolls back the wrong environment. */
  cluster: string;
  namespace: string;
  onConfirm: (entry: ArgoHistoryEntry) => Promise<void>;
  onClose: () => void;
};

/**
 * Asks before a rollback, naming the revision and what happens: Argo CD deploys that
 * commit again, and it stays until the next sync deploys what git says.
 */
export function RollbackDialog(props: RollbackDialogProps) {
  const { appName, cluster, namespace, onConfirm, onClose } = props;
  // The last entry asked about stays in the dialog while it fades out.
  const lastEntry = useRef(props.entry);
  if (props.entry) lastEntry.current = props.entry;
  const entry = lastEntry.current;
  const sha = entry ? shortRevision(entry.revision) : '';
  return (
    <ActionDialog
      open={props.entry !== undefined}
      title={`Roll back ${appName} to ${sha}?`}
      confirmLabel={`Roll back to ${sha}`}
      onConfirm={() => (entry ? onConfirm(entry) : Promise.resolve())}
      onClose={onClose}
    >
      {entry && (
        <DialogContentText component="div">
          <p>
            Argo CD will deploy {sha} (history entry {entry.id}, deployed{' '}
            <Age time={entry.deployedAt} fallback="at an unknown time" /> by{' '}
            {describeInitiator(entry.initiatedBy)}) to namespace {namespace} on{' '}
            {cluster}, in place of what runs there now.
          </p>
          <p>
            Auto-sync is off, so {sha} stays deployed until the next sync, which
            deploys the target revision from git again.
          </p>
        </DialogContentText>
      )}
    </ActionDialog>
  );
}
