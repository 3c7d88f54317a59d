import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  AccessClusterApplyResult,
  AccessRights,
} from '@internal/plugin-skip-common';
import {
  Age,
  AsyncContent,
  skipAccessApiRef,
} from '@internal/plugin-skip-react';
import { useState } from 'react';
import { backendMessage } from '../UpgradesPage/backendMessage';
import { ClusterDriftCard } from './ClusterDriftCard';
import { useAccessData } from './useAccessData';

/** Props of {@link DriftTab}. */
export type DriftTabProps = { rights: AccessRights };

/**
 * Where the clusters differ from the rules, as the last check found it (it runs on a
 * schedule); the platform team can check now and repair a cluster.
 */
export function DriftTab(props: DriftTabProps) {
  const { rights } = props;
  const api = useApi(skipAccessApiRef);
  const state = useAccessData(() => api.getDrift(), [api]);
  const [busy, setBusy] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [repaired, setRepaired] = useState<
    Record<string, AccessClusterApplyResult>
  >({});

  const act = async (what: string, action: () => Promise<void>) => {
    setBusy(what);
    setFailure(undefined);
    try {
      await action();
    } catch (e) {
      setFailure(`${what} failed: ${backendMessage(e).message}`);
    } finally {
      setBusy(undefined);
    }
  };
  const checkNow = () =>
    act('Check', async () => state.replace(await api.checkDrift()));
  const repair = (cluster: string) =>
    act(`Repair of ${cluster}`, async () => {
      const result = await api.repairDrift(cluster);
      setRepaired(prev => ({ ...prev, [cluster]: result }));
      state.retry();
    });

  return (
    <AsyncContent state={state} what="the drift report" loadingRows={4}>
      {report => (
        <>
          <Box mb={2} display="flex" alignItems="center" gridGap={16}>
            <Typography variant="body2">
              {report.checkedAt ? (
                <>
                  Last checked <Age time={report.checkedAt} />
                </>
              ) : (
                'Not checked yet'
              )}
            </Typography>
            {rights.apply && (
              <Button
                variant="outlined"
                color="primary"
                disabled={!!busy}
                onClick={checkNow}
              >
                Check now
              </Button>
            )}
          </Box>
          {failure && (
            <Box mb={2}>
              <Alert severity="error">{failure}</Alert>
            </Box>
          )}
          <Grid container spacing={2}>
            {report.clusters.map(c => (
              <Grid item xs={12} key={c.cluster}>
                <ClusterDriftCard
                  drift={c}
                  onRepair={rights.apply ? () => repair(c.cluster) : undefined}
                  repairing={!!busy}
                  repaired={repaired[c.cluster]}
                />
              </Grid>
            ))}
          </Grid>
        </>
      )}
    </AsyncContent>
  );
}
