import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  ArgoAppDetails,
  ArgoAppStatus,
  ArgoHistoryEntry,
  SkiperatorAppSummary,
} from '@internal/plugin-skip-common';
import { AsyncContent, BreakableName } from '@internal/plugin-skip-react';
import { useState } from 'react';
import { ArgoSyncHealth } from '../AppsTable/AppStatus';
import { ArgoDetailsToolbar } from './ArgoDetailsToolbar';
import { ArgoSourceSummary } from './ArgoSourceSummary';
import { DeploymentHistory } from './DeploymentHistory';
import { LastOperation } from './LastOperation';
import { LiveDiff } from './LiveDiff';
import { RollbackDialog } from './RollbackDialog';
import { SyncOptionsDialog } from './SyncOptionsDialog';
import { useArgoDetails } from './useArgoDetails';
import { ArgoRequests, useArgoRequests } from './useArgoRequests';

/** Props of {@link ArgoDetailsPanel}. */
export type ArgoDetailsPanelProps = { app: SkiperatorAppSummary };

const useStyles = makeStyles(theme => ({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(1, 2),
    marginBottom: theme.spacing(1),
  },
  title: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: theme.spacing(0.5, 1.5),
  },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))',
    gap: theme.spacing(2, 4),
    marginBottom: theme.spacing(2),
  },
}));

/**
 * What a developer would open Argo CD's UI for, under the app's row: where the app comes
 * from and its sync policy, the last operation per resource, the deployment history with
 * rollback, and sync with options and hard refresh. Renders nothing for an app that no
 * Argo CD app deploys.
 */
export function ArgoDetailsPanel(props: ArgoDetailsPanelProps) {
  const { app } = props;
  if (!app.argo) return null;
  return <LoadedArgoDetails app={app} argo={app.argo} />;
}

function LoadedArgoDetails(props: {
  app: SkiperatorAppSummary;
  argo: ArgoAppStatus;
}) {
  const { app, argo } = props;
  const classes = useStyles();
  const state = useArgoDetails(app, argo);
  const requests = useArgoRequests(argo, state.follow);
  return (
    <section aria-label="Argo CD">
      <AsyncContent state={state} what="the Argo CD app" loadingRows={3}>
        {details => (
          <>
            <div className={classes.header}>
              <Typography
                variant="subtitle2"
                component="h3"
                className={classes.title}
              >
                <span>
                  Argo CD app <BreakableName name={details.name} />
                </span>
                <ArgoSyncHealth
                  argo={{ ...argo, sync: details.sync, health: details.health }}
                />
              </Typography>
              <DetailsActions app={app} details={details} requests={requests} />
            </div>
            <div className={classes.columns}>
              <ArgoSourceSummary details={details} />
              <LastOperation operation={details.operation} />
            </div>
            <HistoryWithRollback
              app={app}
              details={details}
              requests={requests}
            />
            <LiveDiff app={app} argo={argo} />
          </>
        )}
      </AsyncContent>
    </section>
  );
}

function DetailsActions(props: {
  app: SkiperatorAppSummary;
  details: ArgoAppDetails;
  requests: ArgoRequests;
}) {
  const { app, details, requests } = props;
  const [syncing, setSyncing] = useState(false);
  return (
    <Box>
      <ArgoDetailsToolbar
        details={details}
        onOpenSync={() => setSyncing(true)}
        onHardRefresh={requests.hardRefresh}
      />
      <SyncOptionsDialog
        open={syncing}
        details={details}
        cluster={app.cluster}
        namespace={app.namespace}
        onConfirm={requests.sync}
        onClose={() => setSyncing(false)}
      />
    </Box>
  );
}

function HistoryWithRollback(props: {
  app: SkiperatorAppSummary;
  details: ArgoAppDetails;
  requests: ArgoRequests;
}) {
  const { app, details, requests } = props;
  const [rollingBackTo, setRollingBackTo] = useState<ArgoHistoryEntry>();
  return (
    <>
      <DeploymentHistory
        history={details.history}
        rollback={details.actions.rollback}
        onRollback={setRollingBackTo}
      />
      <RollbackDialog
        entry={rollingBackTo}
        appName={details.name}
        cluster={app.cluster}
        namespace={app.namespace}
        onConfirm={requests.rollback}
        onClose={() => setRollingBackTo(undefined)}
      />
    </>
  );
}
