import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Tooltip from '@material-ui/core/Tooltip';
import {
  ArgoAppRef,
  ArgoAppStatus,
  clusterNamespaceRef,
  Environment,
  skipArgoAppRefreshPermission,
  skipArgoAppSyncPermission,
} from '@internal/plugin-skip-common';
import { useState } from 'react';
import { skipFleetApiRef } from '@internal/plugin-skip-react';

/** Props of {@link ArgoActions}. */
export type ArgoActionsProps = {
  argo: ArgoAppStatus;
  /** Where the app runs: the namespace decides who may act on it. */
  cluster: string;
  namespace: string;
  environment: Environment;
};

/**
 * Refresh and Sync buttons of one Argo CD app, enabled for the team that owns the app's
 * namespace and for the platform team; a disabled button says why. A sync in prod asks
 * for a confirmation that names the app and cluster.
 */
export function ArgoActions(props: ArgoActionsProps) {
  const { argo, cluster, namespace, environment } = props;
  const api = useApi(skipFleetApiRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState<'refresh' | 'sync' | undefined>();
  const [confirming, setConfirming] = useState(false);
  const resourceRef = clusterNamespaceRef(cluster, namespace);
  const refresh = usePermission({
    permission: skipArgoAppRefreshPermission,
    resourceRef,
  });
  const sync = usePermission({
    permission: skipArgoAppSyncPermission,
    resourceRef,
  });
  const ref: ArgoAppRef = {
    instance: argo.instance,
    namespace: argo.namespace,
    name: argo.name,
  };
  const deniedReason = (verb: string) =>
    `Only the team that owns namespace ${namespace} on ${cluster}, and the platform team, may ${verb} this app`;

  const run = async (action: 'refresh' | 'sync') => {
    setBusy(action);
    try {
      if (action === 'refresh') {
        await api.refreshArgoApp(ref, 'normal');
      } else {
        await api.syncArgoApp(ref, {});
      }
      alertApi.post({
        message: `Argo CD ${action} of ${argo.name} requested`,
        severity: 'success',
        display: 'transient',
      });
    } catch (e) {
      alertApi.post({
        message: `Argo CD ${action} of ${argo.name} failed: ${
          e instanceof Error ? e.message : String(e)
        }`,
        severity: 'error',
      });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Box display="flex" gridGap={4}>
      <ActionButton
        label="Refresh"
        appName={argo.name}
        permission={refresh}
        busy={busy === 'refresh'}
        deniedReason={deniedReason('refresh')}
        onClick={() => run('refresh')}
      />
      <ActionButton
        label="Sync"
        appName={argo.name}
        permission={sync}
        busy={busy === 'sync'}
        deniedReason={deniedReason('sync')}
        onClick={() =>
          environment === 'prod' ? setConfirming(true) : run('sync')
        }
      />
      <Dialog open={confirming} onClose={() => setConfirming(false)}>
        <DialogTitle>Sync {argo.name} in prod?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            Argo CD will apply the app {argo.name} from git to namespace{' '}
            {namespace} on the prod cluster {cluster}.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>Cancel</Button>
          <Button
            color="primary"
            variant="contained"
            onClick={() => {
              setConfirming(false);
              run('sync');
            }}
          >
            Sync {argo.name} on {cluster}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}

function ActionButton(props: {
  label: string;
  appName: string;
  permission: { allowed: boolean; loading: boolean };
  busy: boolean;
  deniedReason: string;
  onClick: () => void;
}) {
  const { label, appName, permission, busy, deniedReason, onClick } = props;
  const denied = !permission.allowed;
  let tooltip = `${label} ${appName} in Argo CD`;
  if (permission.loading) tooltip = 'Checking your permissions…';
  else if (denied) tooltip = deniedReason;
  return (
    <Tooltip title={tooltip}>
      {/* A disabled button fires no events; the span lets the tooltip explain why. */}
      <span>
        <Button
          size="small"
          variant="outlined"
          aria-label={`${label} ${appName}`}
          aria-description={
            denied && !permission.loading ? deniedReason : undefined
          }
          disabled={denied || busy}
          onClick={onClick}
        >
          {label}
        </Button>
      </span>
    </Tooltip>
  );
}
