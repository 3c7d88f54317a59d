import { InfoCard, Link, Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  ENVIRONMENTS,
  UpgradeClusterVersion,
  UpgradeVersionsResponse,
} from '@internal/plugin-skip-common';
import { BreakableName } from '@internal/plugin-skip-react';
import { compareReleases } from './compareReleases';

/** Props of {@link VersionsCard}. */
export type VersionsCardProps = { versions: UpgradeVersionsResponse };

type Row = UpgradeClusterVersion & { id: string };

const CONTROL_PLANES: Record<string, string> = {
  kubeception: 'kubeception (in the admin cluster)',
  'controlplane-v2': 'Controlplane V2 (in the cluster)',
  'gke-managed': 'managed by Google',
};

function behind(c: UpgradeClusterVersion): string {
  if (!c.current) return 'unknown';
  const { minors, releases } = c.behindBy;
  if (minors === 0 && releases === 0) return 'up to date';
  const parts = [];
  if (minors > 0) parts.push(`${minors} minor${minors === 1 ? '' : 's'}`);
  if (releases > 0)
    parts.push(`${releases} release${releases === 1 ? '' : 's'}`);
  return `${parts.join(', ')} behind`;
}

const roleRank = (c: UpgradeClusterVersion) => (c.role === 'admin' ? 1 : 0);

/** Promotion order (sandbox first), admin clusters after the user clusters of their environment, then name. */
function byLadder(a: UpgradeClusterVersion, b: UpgradeClusterVersion) {
  return (
    ENVIRONMENTS.indexOf(a.environment) - ENVIRONMENTS.indexOf(b.environment) ||
    roleRank(a) - roleRank(b) ||
    a.name.localeCompare(b.name)
  );
}

/**
 * Where every cluster stands: its release, how far it is behind the newest release the
 * portal knows, where it may go next, what blocks it and the run it is part of; and the
 * gkectl of each site's admin workstation, which every upgrade runs on.
 */
export function VersionsCard(props: VersionsCardProps) {
  const { versions } = props;
  const newest = [...versions.releases]
    .sort((a, b) => compareReleases(a.version, b.version))
    .pop();
  const rows: Row[] = [...versions.clusters]
    .sort(byLadder)
    .map(c => ({ ...c, id: c.name }));
  const columns: TableColumn<Row>[] = [
    {
      title: 'Cluster',
      field: 'name',
      highlight: true,
      render: c => (
        <>
          <Link
            to={`../clusters/${encodeURIComponent(c.name)}`}
            relative="path"
          >
            <BreakableName name={c.name} />
          </Link>
          <Typography variant="caption" display="block" color="textSecondary">
            {c.role === 'admin' ? 'admin cluster' : 'user cluster'} · {c.site}
            {c.adminCluster ? ` · managed by ${c.adminCluster}` : ''}
          </Typography>
        </>
      ),
    },
    { title: 'Environment', field: 'environment' },
    {
      title: 'Control plane',
      render: c => CONTROL_PLANES[c.controlPlane] ?? c.controlPlane,
    },
    {
      title: 'Release now',
      render: c => c.current ?? 'unknown (not reachable)',
    },
    { title: 'Behind the newest', render: c => behind(c) },
    {
      title: 'May go to',
      render: c =>
        c.targets.length > 0 ? c.targets.join(', ') : <span>–</span>,
    },
    {
      title: 'Blocked / running',
      render: c => (
        <>
          {c.blocked && (
            <Typography variant="body2" color="error">
              Blocked: {c.blocked}
            </Typography>
          )}
          {c.runId && (
            <Link to={`runs/${encodeURIComponent(c.runId)}`} relative="path">
              In run {c.runId}
            </Link>
          )}
          {!c.blocked && !c.runId && '–'}
        </>
      ),
    },
  ];
  return (
    <InfoCard
      title="Versions"
      subheader={
        newest
          ? `Newest release the portal knows: ${newest.version} (Kubernetes ${newest.kubernetesVersion})`
          : 'The portal knows no releases'
      }
    >
      <Table<Row>
        options={{
          paging: false,
          search: false,
          toolbar: false,
          padding: 'dense',
        }}
        columns={columns}
        data={rows}
      />
      <Box mt={2}>
        <Typography variant="h6" component="h3">
          Admin workstations
        </Typography>
        <Typography variant="body2" color="textSecondary" paragraph>
          Every upgrade command runs on the admin workstation of the
          cluster&apos;s site, with its gkectl.
        </Typography>
        <ul aria-label="Admin workstations">
          {versions.workstations.map(w => (
            <li key={w.site}>
              <strong>{w.site}</strong>:{' '}
              {w.error ? (
                <Typography component="span" color="error" variant="body2">
                  not answering: {w.error}
                </Typography>
              ) : (
                `gkectl ${w.gkectlVersion ?? 'unknown'}`
              )}
              {w.executor && (
                <Typography
                  component="span"
                  variant="caption"
                  color="textSecondary"
                >
                  {' '}
                  ({w.executor})
                </Typography>
              )}
            </li>
          ))}
        </ul>
      </Box>
    </InfoCard>
  );
}
