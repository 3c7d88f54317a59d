import { Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import {
  AppsResponse,
  ArgoAppStatus,
  ResourceRef,
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
import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { FailingResource, failingResources } from '../../lib/failingResources';
import { AppsTable } from '../AppsTable';
import { ArgoSyncHealth } from '../AppsTable/AppStatus';
import { ResourceDrillDown } from '../ResourceDrillDown';
import { AppDetails } from './AppDetails';
import {
  openApps,
  openResource,
  withAppToggled,
  withResource,
} from './appsViewParams';
import { EnvironmentStrip } from './EnvironmentStrip';

/** Props of {@link AppsView}. */
export type AppsViewProps = {
  /** Whose apps: a component's (entity ref) or a team's (group ref). */
  query: { entityRef: string } | { team: string };
  /** What to tell the user when nothing is found. */
  emptyDescription: string;
};

/** Nothing to show, and no unreachable cluster that might be hiding something. */
function nothingFound(value: AppsResponse): boolean {
  return (
    value.items.length === 0 &&
    value.orphanArgoApps.length === 0 &&
    value.clusters.every(c => c.reachability === 'reachable')
  );
}

/**
 * Live apps of a component or team across the fleet: the state per environment on top,
 * then one table (a row opens to the app's details), warnings and the drill-down.
 */
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
  // The open rows and drill-down live in the URL (appsViewParams.ts): shareable, and a
  // reload opens the same ones.
  const [params, setParams] = useSearchParams();
  // One Set per distinct list of open rows: the table rebuilds its rows only when it changes.
  const openKeys = [...openApps(params)].join(' ');
  const expanded = useMemo(
    () => new Set(openKeys.split(' ').filter(Boolean)),
    [openKeys],
  );
  const resource = openResource(params);

  // Callbacks stay the same across renders (the newest URL read through refs), so the
  // table keeps its page and sort. A drill-down is a new history entry (Back closes it);
  // opening a row and closing a drill-down replace the current one.
  const url = useRef({ params, setParams });
  url.current = { params, setParams };
  const onOpenResource = useCallback(
    (opened: FailingResource) =>
      url.current.setParams(withResource(url.current.params, opened)),
    [],
  );
  const onCloseResource = useCallback(
    () =>
      url.current.setParams(withResource(url.current.params, undefined), {
        replace: true,
      }),
    [],
  );
  const onToggleDetails = useCallback(
    (id: string) =>
      url.current.setParams(withAppToggled(url.current.params, id), {
        replace: true,
      }),
    [],
  );
  const renderAppDetails = useCallback(
    (app: SkiperatorAppSummary) => (
      <AppDetails app={app} onOpenResource={onOpenResource} />
    ),
    [onOpenResource],
  );

  return (
    <AsyncContent
      state={state}
      what="the apps"
      loadingRows={4}
      isEmpty={nothingFound}
      empty={{ title: 'No apps found', description: emptyDescription }}
    >
      {value => (
        <Box>
          <Box mb={2}>
            <Freshness generatedAt={value.generatedAt} error={state.error} />
          </Box>
          <ClusterWarnings clusters={value.clusters} />
          <EnvironmentStrip apps={value.items} />
          {value.items.length > 0 && (
            <AppsTable
              apps={value.items}
              onOpenResource={onOpenResource}
              renderAppDetails={renderAppDetails}
              expanded={expanded}
              onToggleDetails={onToggleDetails}
            />
          )}
          {value.orphanArgoApps.length > 0 && (
            <Box mt={3}>
              <OrphanArgoApps apps={value.orphanArgoApps} />
            </Box>
          )}
          <OpenDrillDown
            resource={resource}
            apps={value.items}
            openApps={expanded}
            onClose={onCloseResource}
          />
        </Box>
      )}
    </AsyncContent>
  );
}

/**
 * The drill-down the URL names, with what the loaded apps know of it: the app it belongs to
 * (its changes refresh the dialog, its image names what cannot be pulled) and the problem
 * last reported for it.
 */
function OpenDrillDown(props: {
  resource?: ResourceRef;
  apps: SkiperatorAppSummary[];
  openApps: ReadonlySet<string>;
  onClose: () => void;
}) {
  const { resource, apps, openApps: open, onClose } = props;
  const app = resource && appOfResource(resource, apps, open);
  const known = app
    ? failingResources(app).find(
        r => r.kind === resource?.kind && r.name === resource?.name,
      )
    : undefined;
  return (
    <ResourceDrillDown
      resource={resource && { ...resource, message: known?.message }}
      app={app && fleetAppKey(app)}
      onClose={onClose}
    />
  );
}

/**
 * The app a resource belongs to: one in its namespace on its cluster, an open row first
 * (a namespace may hold several apps; the one the person opened is the likely one).
 */
function appOfResource(
  resource: ResourceRef,
  apps: SkiperatorAppSummary[],
  open: ReadonlySet<string>,
): SkiperatorAppSummary | undefined {
  const candidates = apps.filter(
    a => a.cluster === resource.cluster && a.namespace === resource.namespace,
  );
  return (
    candidates.find(a => open.has(fleetAppKey(a))) ??
    candidates.find(a => a.name === resource.name) ??
    candidates[0]
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
        headerStyle: { whiteSpace: 'nowrap' },
      }}
    />
  );
}
