import { CodeSnippet } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type { AccessEnvironmentClusters } from '@internal/plugin-skip-common';
import { AsyncContent, skipAccessApiRef } from '@internal/plugin-skip-react';
import { useState } from 'react';
import { useAccessData } from './useAccessData';

/** Props of {@link ExportTab}. */
export type ExportTabProps = { environments: AccessEnvironmentClusters[] };

/** A cluster's desired bindings as YAML, to read or to put in a GitOps repo. */
export function ExportTab(props: ExportTabProps) {
  const api = useApi(skipAccessApiRef);
  const clusters = props.environments.flatMap(e =>
    e.clusters.map(c => ({ cluster: c, environment: e.environment })),
  );
  const [cluster, setCluster] = useState(clusters[0]?.cluster ?? '');
  const state = useAccessData(() => api.exportCluster(cluster), [api, cluster]);
  return (
    <>
      <Box mb={2} display="flex" alignItems="center" gridGap={16}>
        <TextField
          id="access-export-cluster"
          select
          variant="outlined"
          size="small"
          label="Cluster"
          value={cluster}
          onChange={e => setCluster(e.target.value)}
          SelectProps={{ native: true }}
        >
          {clusters.map(c => (
            <option key={c.cluster} value={c.cluster}>
              {c.cluster} ({c.environment})
            </option>
          ))}
        </TextField>
        {state.value && (
          // A data URL needs no object URL to clean up, and downloads under the cluster's name.
          <Button
            variant="outlined"
            color="primary"
            href={`data:application/yaml;charset=utf-8,${encodeURIComponent(
              state.value.yaml,
            )}`}
            download={`${state.value.cluster}-rbac.yaml`}
          >
            Download
          </Button>
        )}
      </Box>
      <Typography variant="body2" color="textSecondary" paragraph>
        The RoleBindings and ClusterRoleBindings the rules want on the cluster,
        whether or not they are applied yet.
      </Typography>
      <AsyncContent state={state} what="the export" loadingRows={8}>
        {value => (
          <CodeSnippet text={value.yaml} language="yaml" showCopyCodeButton />
        )}
      </AsyncContent>
    </>
  );
}
