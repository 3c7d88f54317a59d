import {
  EmptyState,
  ErrorPanel,
  Progress,
  Table,
  TableColumn,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import {
  ArgoAppStatus,
  SkiperatorAppSummary,
} from '@internal/plugin-skip-common';
import { useCallback, useState } from 'react';
import { skipFleetApiRef } from '../../api/SkipFleetApi';
import { usePolling } from '../../hooks/usePolling';
import { FailingResource, imageWithTag } from '../../lib/failingResources';
import { AppsTable } from '../AppsTable';
import { ArgoSyncHealth } from '../AppsTable/AppStatus';
import { ClusterWarnings } from '../ClusterWarnings';
import { Freshness } from '../Freshness';
import { ResourceDrillDown } from '../ResourceDrillDown';

/** Props of {@link AppsView}. */
export type AppsViewProps = {
  /** Whose apps: a component's (entity ref) or a team's (group ref). */
  query: { entityRef: string } | { team: string };
  /** What to tell the user when nothing is found. */
  emptyDescription: string;
};

/** Live apps of a component or team across the fleet, with warnings and the drill-down. */
export function AppsView(props: AppsViewProps) {
  const { query, emptyDescription } = props;
  const api = useApi(skipFleetApiRef);
  const key = 'entityRef' in query ? query.entityRef : query.team;
  const { value, error, loading, retry } = usePolling(
    () => api.getApps(query),
    [api, key],
  );
  const [open, setOpen] = useState<
    { resource: FailingResource; image: string } | undefined
  >();
  const onOpenResource = useCallback(
    (resource: FailingResource, app: SkiperatorAppSummary) =>
      setOpen({ resource, image: imageWithTag(app) }),
    [],
  );

  if (loading) return <Progress />;
  if (!value) {
    return (
      <ErrorPanel
        title="Could not load the apps"
        error={error ?? new Error('No answer')}
      >
        <Button variant="outlined" onClick={retry}>
          Retry
        </Button>
      </ErrorPanel>
    );
  }
  return (
    <Box>
      <Box mb={2}>
        <Freshness generatedAt={value.generatedAt} error={error} />
      </Box>
      {error && (
        <Box mb={2}>
          <WarningPanel
            title="Showing older data"
            message={`The latest refresh failed: ${error.message}`}
          />
        </Box>
      )}
      <ClusterWarnings clusters={value.clusters} />
      {value.items.length === 0 && value.orphanArgoApps.length === 0 ? (
        <EmptyState
          missing="data"
          title="No apps found"
          description={emptyDescription}
        />
      ) : (
        <AppsTable apps={value.items} onOpenResource={onOpenResource} />
      )}
      {value.orphanArgoApps.length > 0 && (
        <OrphanArgoApps apps={value.orphanArgoApps} />
      )}
      <ResourceDrillDown
        resource={open?.resource}
        image={open?.image}
        onClose={() => setOpen(undefined)}
      />
    </Box>
  );
}

const orphanColumns: TableColumn<ArgoAppStatus & { id: string }>[] = [
  { title: 'Argo CD app', field: 'name', highlight: true },
  { title: 'Instance', field: 'instance' },
  { title: 'Destination cluster', field: 'destination.cluster' },
  { title: 'Destination namespace', field: 'destination.namespace' },
  { title: 'Sync and health', render: a => <ArgoSyncHealth argo={a} /> },
  {
    title: 'Message',
    render: a => a.operation?.message ?? a.health.message ?? '',
  },
];

/** Argo CD apps whose Skiperator app does not exist (yet): often a sync that never succeeded. */
function OrphanArgoApps(props: { apps: ArgoAppStatus[] }) {
  return (
    <Table
      title="Argo CD apps without a running app"
      subtitle="Argo CD knows these apps, but no Skiperator Application exists for them on the cluster."
      columns={orphanColumns}
      data={props.apps.map(a => ({
        ...a,
        id: `${a.instance}/${a.namespace}/${a.name}`,
      }))}
      options={{
        paging: props.apps.length > 20,
        pageSize: 20,
        padding: 'dense',
        search: false,
      }}
    />
  );
}
