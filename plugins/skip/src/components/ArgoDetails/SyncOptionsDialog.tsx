import Checkbox from '@material-ui/core/Checkbox';
import DialogContentText from '@material-ui/core/DialogContentText';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  ArgoAppDetails,
  ArgoResourceStatus,
  ArgoSyncRequest,
} from '@internal/plugin-skip-common';
import { BreakableName } from '@internal/plugin-skip-react';
import { useEffect, useState } from 'react';
import { ActionDialog } from './ActionDialog';

/** Props of {@link SyncOptionsDialog}. */
export type SyncOptionsDialogProps = {
  open: boolean;
  details: ArgoAppDetails;
  /** Where the app runs, named so nobody syncs the wrong environment. */
  cluster: string;
  namespace: string;
  onConfirm: (request: Partial<ArgoSyncRequest>) => Promise<void>;
  onClose: () => void;
};

const useStyles = makeStyles(theme => ({
  resources: {
    maxHeight: 240,
    overflowY: 'auto',
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(0, 1),
    marginTop: theme.spacing(0.5),
  },
  nowrap: { whiteSpace: 'nowrap' },
  hint: { display: 'block' },
}));

/** A stable key for one resource of the app. */
function resourceKey(resource: ArgoResourceStatus): string {
  return `${resource.group ?? ''}/${resource.kind}/${
    resource.namespace ?? ''
  }/${resource.name}`;
}

/**
 * Argo CD's sync with the options a developer needs: prune, a dry run, and a sync of only
 * some resources. Nothing selected means all of them, as in Argo CD's own dialog.
 */
export function SyncOptionsDialog(props: SyncOptionsDialogProps) {
  const { open, details, cluster, namespace, onConfirm, onClose } = props;
  const classes = useStyles();
  const [prune, setPrune] = useState(false);
  const [dryRun, setDryRun] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  useEffect(() => {
    // Every sync starts from Argo CD's defaults, not from the options of the last one.
    if (open) {
      setPrune(false);
      setDryRun(false);
      setSelected(new Set());
    }
  }, [open]);

  const toggle = (key: string) =>
    setSelected(previous => {
      const next = new Set(previous);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const confirm = () => {
    const resources = details.resources
      .filter(resource => selected.has(resourceKey(resource)))
      .map(({ group, kind, namespace: ns, name }) => ({
        group: group || undefined,
        kind,
        namespace: ns,
        name,
      }));
    return onConfirm({
      prune,
      dryRun,
      ...(resources.length ? { resources } : {}),
    });
  };

  const revision = details.source?.targetRevision || 'HEAD';
  const scope = selected.size
    ? `${selected.size} of ${details.resources.length} resources`
    : 'all resources';
  return (
    <ActionDialog
      open={open}
      title={`Sync ${details.name}`}
      confirmLabel={dryRun ? 'Start dry run' : 'Sync'}
      onConfirm={confirm}
      onClose={onClose}
    >
      <DialogContentText>
        Argo CD will apply {scope} of {details.name} from git ({revision}) to
        namespace {namespace} on {cluster}
        {dryRun ? ', as a dry run that changes nothing.' : '.'}
      </DialogContentText>
      <FormGroup>
        <FormControlLabel
          control={
            <Checkbox
              checked={prune}
              onChange={event => setPrune(event.target.checked)}
            />
          }
          label={
            <Option
              name="Prune"
              hint="Delete resources that are no longer in git."
            />
          }
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={dryRun}
              onChange={event => setDryRun(event.target.checked)}
            />
          }
          label={
            <Option
              name="Dry run"
              hint="Only check what a sync would change."
            />
          }
        />
      </FormGroup>
      <Typography variant="subtitle2" component="h3" style={{ marginTop: 8 }}>
        Only these resources
      </Typography>
      <Typography variant="caption" color="textSecondary">
        Leave all unchecked to sync the whole app.
      </Typography>
      <FormGroup
        className={classes.resources}
        role="group"
        aria-label="Only these resources"
      >
        {details.resources.map(resource => {
          const key = resourceKey(resource);
          return (
            <FormControlLabel
              key={key}
              control={
                <Checkbox
                  size="small"
                  checked={selected.has(key)}
                  onChange={() => toggle(key)}
                />
              }
              label={
                <Typography variant="body2" component="span">
                  <span className={classes.nowrap}>{resource.kind}</span>{' '}
                  <BreakableName name={resource.name} />
                  {resource.status && resource.status !== 'Synced' && (
                    <span className={classes.nowrap}> · {resource.status}</span>
                  )}
                </Typography>
              }
            />
          );
        })}
      </FormGroup>
    </ActionDialog>
  );
}

function Option(props: { name: string; hint: string }) {
  const classes = useStyles();
  return (
    <span>
      <span className={classes.nowrap}>{props.name}</span>
      <Typography
        variant="caption"
        color="textSecondary"
        component="span"
        className={classes.hint}
      >
        {props.hint}
      </Typography>
    </span>
  );
}
