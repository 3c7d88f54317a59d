import { CodeSnippet } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import {
  AsyncContent,
  skipOnboardingApiRef,
} from '@internal/plugin-skip-react';
import { useAccessData } from '../AccessPage/useAccessData';
import { exportFileName } from './describeOnboarding';

/** Props of {@link ExportDialog}. */
export type ExportDialogProps = { prefix: string; onClose: () => void };

/** A prefix's AppProject and ApplicationSet as YAML, to read or to put in a GitOps repo. */
export function ExportDialog(props: ExportDialogProps) {
  const { prefix, onClose } = props;
  const api = useApi(skipOnboardingApiRef);
  const state = useAccessData(() => api.exportPrefix(prefix), [api, prefix]);
  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="onboarding-export-title"
    >
      <DialogTitle id="onboarding-export-title">Export {prefix}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="textSecondary" paragraph>
          The Argo CD AppProject and ApplicationSet the prefix gives its team.
        </Typography>
        <AsyncContent state={state} what="the export" loadingRows={8}>
          {value => (
            <CodeSnippet text={value.yaml} language="yaml" showCopyCodeButton />
          )}
        </AsyncContent>
      </DialogContent>
      <DialogActions>
        {state.value && (
          // A data URL needs no object URL to clean up, and downloads under the prefix's name.
          <Button
            variant="outlined"
            color="primary"
            href={`data:application/yaml;charset=utf-8,${encodeURIComponent(
              state.value.yaml,
            )}`}
            download={exportFileName(prefix)}
          >
            Download
          </Button>
        )}
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
