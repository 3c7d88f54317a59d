import { EmptyState, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import {
  AppsResponse,
  ArgoAppStatus,
  SkiperatorAppSummary,
} from '@internal/plugin-skip-common';
import {
  AsyncContent,
  ClusterWarnings,
  fleetAppKey,
  Freshness,
  namesAnyOf,
  skipFleetApiRef,
  useFleetData,
} from '@internal/plugin-skip-react';
import { useCallback, useState } from 'react';
import { FailingResource, imageWithTag } from '../../lib/failingResources';
import { AppsTable } from '../AppsTable';
import { ArgoSyncHealth } from '../AppsTable/AppStatus';
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
  const state = useFleetData(() => api.getApps(query), [api, key], {
    refetchOn: (signal, shown) =>
      namesAnyOf(signal, {
        apps: shown?.items.map(fleetAppKey),
        clusters: shown?.clusters.map(c => c.cluster),
      }),
  });
  const [open, setOpen] = useState<
    { resource: FailingResource; image: string; app: string } | undefined
  >();
  const onOpenResource = useCallback(
    (resource: FailingResource, app: SkiperatorAppSummary) =>
      setOpen({ resource, image: imageWithTag(app), app: fleetAppKey(app) }),
    [],
  );

  return (
    <AsyncContent state={state} what="the apps">
      {value => (
        <Box>
          <Box mb={2}>
            <Freshness generatedAt={value.generatedAt} error={state.error} />
          </Box>
          <ClusterWarnings clusters={value.clusters} />
          <Apps
            value={value}
            emptyDescription={emptyDescription}
            onOpenResource={onOpenResource}
          />
          <ResourceDrillDown
            resource={open?.resource}
            image={open?.image}
            app={open?.app}
            onClose={() => setOpen(undefined)}
          />
        </Box>
      )}
    </AsyncContent>
  );
}

function Apps(props: {
  value: AppsResponse;
  emptyDescription: string;
  onOpenResource: (
    resource: FailingResource,
    app: SkiperatorAppSummary,
  ) => void;
}) {
  const { value, emptyDescription, onOpenResource } = props;
  if (value.items.length === 0 && value.orphanArgoApps.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No apps found"
        description={emptyDescription}
      />
    );
  }
  return (
    <>
      <AppsTable apps={value.items} onOpenResource={onOpenResource} />
      {value.orphanArgoApps.length > 0 && (
        <OrphanArgoApps apps={value.orphanArgoApps} />
      )}
    </>
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
