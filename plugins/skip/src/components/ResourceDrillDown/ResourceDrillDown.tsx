import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { ResourceDetails, ResourceRef } from '@internal/plugin-skip-common';
import {
  AsyncContent,
  skipFleetApiRef,
  useFleetData,
} from '@internal/plugin-skip-react';
import { PodLog } from '../PodLog';
import { ConditionList, EventList, PodList } from './DetailLists';
import { ManifestView } from './ManifestView';

/** The object a drill-down shows, with the problem last reported for it, if known. */
export type DrillDownResource = ResourceRef & { message?: string };

/** Props of {@link ResourceDrillDown}. */
export type ResourceDrillDownProps = {
  /** The resource to show; the dialog is closed when undefined. */
  resource?: DrillDownResource;
  /** The app the resource belongs to (`<cluster>/<namespace>/<name>`): its changes refresh the dialog. */
  app?: string;
  onClose: () => void;
};

/** Why one resource fails: a plain summary first, then conditions, events, pods and the log. */
export function ResourceDrillDown(props: ResourceDrillDownProps) {
  const { resource, onClose } = props;
  const title = resource ? `${resource.kind} ${resource.name}` : '';
  return (
    <Dialog
      open={Boolean(resource)}
      onClose={onClose}
      maxWidth="lg"
      fullWidth
      aria-labelledby="skip-drill-down-title"
    >
      <DialogTitle id="skip-drill-down-title">{title}</DialogTitle>
      <DialogContent dividers>
        {resource && <DrillDownBody resource={resource} app={props.app} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}

function DrillDownBody(props: { resource: DrillDownResource; app?: string }) {
  const { resource, app } = props;
  const api = useApi(skipFleetApiRef);
  const state = useFleetData(
    () =>
      api.getResourceDetails({
        cluster: resource.cluster,
        namespace: resource.namespace,
        kind: resource.kind,
        name: resource.name,
      }),
    [api, resource.cluster, resource.namespace, resource.kind, resource.name],
    // Pods and events are costly to list: only a change of this app asks again.
    { refetchOn: signal => app !== undefined && signal.apps.includes(app) },
  );
  return (
    <AsyncContent state={state} what={`${resource.kind} ${resource.name}`}>
      {value => <Details details={value} resource={resource} />}
    </AsyncContent>
  );
}

function Details(props: {
  details: ResourceDetails;
  resource: DrillDownResource;
}) {
  const { details, resource } = props;
  // The backend explains once, from what it read (the tree shows the same words).
  const { explanation } = details;
  return (
    <>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        {details.apiVersion} · cluster {details.cluster} · namespace{' '}
        {details.namespace}
      </Typography>
      {explanation ? (
        <Alert severity="error">
          <AlertTitle>{explanation.title}</AlertTitle>
          {explanation.detail}
        </Alert>
      ) : (
        <Alert severity="info">
          No problem found in its conditions, events or pods
          {resource.message
            ? `. The last reported problem: ${resource.message}`
            : '.'}
        </Alert>
      )}
      <Section title="Conditions">
        <ConditionList conditions={details.conditions} />
      </Section>
      <Section title="Events">
        <EventList events={details.events} />
      </Section>
      <Section title="Pods">
        <PodList pods={details.pods} />
      </Section>
      {details.pods.length > 0 && (
        <Section title="Log">
          <PodLog
            cluster={details.cluster}
            namespace={details.namespace}
            pods={details.pods}
          />
        </Section>
      )}
      <Section title="YAML">
        <ManifestView manifest={details.manifest} />
      </Section>
    </>
  );
}

function Section(props: { title: string; children: React.ReactNode }) {
  return (
    <Box mt={3} component="section" aria-label={props.title}>
      <Typography variant="h6" component="h3" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}
