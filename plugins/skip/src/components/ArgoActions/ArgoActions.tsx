import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { ArgoAppStatus } from '@internal/plugin-skip-common';
import { useState } from 'react';
import { skipFleetApiRef } from '../../api/SkipFleetApi';

/** Whether the signed-in user may use an action, and whether that is still being checked. */
export type ActionPermission = { allowed: boolean; loading: boolean };

/** Props of {@link ArgoActions}. */
export type ArgoActionsProps = {
  argo: ArgoAppStatus;
  refresh: ActionPermission;
  sync: ActionPermission;
};

/** Refresh and Sync buttons of one Argo CD app; disabled with a reason when not permitted. */
export function ArgoActions(props: ArgoActionsProps) {
  const { argo } = props;
  const api = useApi(skipFleetApiRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState<'refresh' | 'sync' | undefined>();
  const ref = {
    instance: argo.instance,
    namespace: argo.namespace,
    name: argo.name,
  };

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
        permission={props.refresh}
        busy={busy === 'refresh'}
        deniedReason="You are not allowed to refresh Argo CD apps"
        onClick={() => run('refresh')}
      />
      <ActionButton
        label="Sync"
        appName={argo.name}
        permission={props.sync}
        busy={busy === 'sync'}
        deniedReason="You are not allowed to sync Argo CD apps"
        onClick={() => run('sync')}
      />
    </Box>
  );
}

function ActionButton(props: {
  label: string;
  appName: string;
  permission: ActionPermission;
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
          disabled={denied || busy}
          onClick={onClick}
        >
          {label}
        </Button>
      </span>
    </Tooltip>
  );
}
