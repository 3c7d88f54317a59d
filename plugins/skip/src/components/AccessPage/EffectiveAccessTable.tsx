import { Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  ENVIRONMENTS,
  type AccessGrant,
  type EffectiveAccess,
} from '@internal/plugin-skip-common';

/** Props of {@link EffectiveAccessTable}. */
export type EffectiveAccessTableProps = {
  access: EffectiveAccess;
  /** Rows per page; the entity card shows fewer than the access page. */
  pageSize?: number;
};

const rank = (env: string) =>
  ENVIRONMENTS.indexOf(env as (typeof ENVIRONMENTS)[number]);

/** Promotion order, then cluster, then namespace (cluster-wide first). */
function byPlace(a: AccessGrant, b: AccessGrant) {
  return (
    rank(a.environment) - rank(b.environment) ||
    a.cluster.localeCompare(b.cluster) ||
    (a.namespace ?? '').localeCompare(b.namespace ?? '')
  );
}

/** Where a grant comes from: a portal rule, or a binding found on the cluster and who owns it. */
function Via(props: { grant: AccessGrant }) {
  const { grant } = props;
  if (grant.via === 'rule') return <>rule {grant.ruleId}</>;
  const b = grant.binding;
  if (!b) return <>a binding</>;
  return (
    <>
      binding {b.kind} {b.namespace ? `${b.namespace}/${b.name}` : b.name}
      <Typography
        variant="caption"
        display="block"
        color={b.managed ? 'textSecondary' : 'error'}
      >
        {b.managed ? 'managed by the portal' : 'not managed by the portal'}
      </Typography>
    </>
  );
}

/**
 * What a group or a user can do, where: every grant from the rules and from the bindings
 * on the clusters, with its source; clusters that could not be read are named above.
 */
export function EffectiveAccessTable(props: EffectiveAccessTableProps) {
  const { access, pageSize = 20 } = props;
  const columns: TableColumn<AccessGrant>[] = [
    { title: 'Cluster', field: 'cluster', highlight: true },
    { title: 'Environment', field: 'environment' },
    { title: 'Namespace', render: g => g.namespace ?? 'cluster-wide' },
    {
      title: 'Role',
      render: g => (
        <>
          {g.role}
          {g.escalating && (
            <Typography component="span" variant="body2" color="error">
              {' '}
              (escalating)
            </Typography>
          )}
        </>
      ),
    },
    { title: 'Via', render: g => <Via grant={g} /> },
    { title: 'Bound to', field: 'subject' },
  ];
  const { subject } = access;
  return (
    <>
      <Typography variant="body2" color="textSecondary" paragraph>
        {subject.kind === 'user'
          ? `${subject.ref}${
              subject.email ? ` (${subject.email})` : ''
            }, through ${subject.groups.join(', ') || 'no groups'}`
          : subject.ref}
        {' · IAM groups: '}
        {subject.iamGroups.join(', ') || 'none'}
      </Typography>
      {access.unreachable.length > 0 && (
        <Box mb={2}>
          <Alert severity="warning">
            The bindings of these clusters could not be read; only what the
            rules grant there is shown:{' '}
            {access.unreachable
              .map(u => `${u.cluster} (${u.error})`)
              .join(', ')}
          </Alert>
        </Box>
      )}
      <Table<AccessGrant>
        options={{
          paging: access.grants.length > pageSize,
          pageSize,
          search: false,
          toolbar: false,
          padding: 'dense',
        }}
        columns={columns}
        // The table writes its own bookkeeping into the rows: give it copies.
        data={[...access.grants].sort(byPlace).map(g => ({ ...g }))}
        emptyContent={
          <div style={{ padding: 16 }}>No access on any cluster.</div>
        }
      />
    </>
  );
}
