import { useApi } from '@backstage/core-plugin-api';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import {
  ResourceTree as ResourceTreeAnswer,
  SkiperatorAppRef,
} from '@internal/plugin-skip-common';
import {
  AsyncContent,
  fleetAppKey,
  skipFleetApiRef,
  useFleetData,
} from '@internal/plugin-skip-react';
import { useMemo } from 'react';
import { FailingResource } from '../../lib/failingResources';
import { ResourceTreeRow, TREE_COLUMNS } from './ResourceTreeRow';
import { TreeRow, treeRows } from './treeRows';

/** Props of {@link ResourceTree}. */
export type ResourceTreeProps = {
  /** The Skiperator app whose tree to show. */
  app: SkiperatorAppRef;
  /** Opens the drill-down of one object of the tree. */
  onOpenResource: (resource: FailingResource) => void;
};

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  header: {
    display: 'grid',
    gridTemplateColumns: TREE_COLUMNS,
    columnGap: theme.spacing(2),
    padding: theme.spacing(0, 1),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '& > *': { whiteSpace: 'nowrap' },
  },
  explanation: { marginBottom: theme.spacing(1) },
}));

/**
 * What the app is made of on its cluster, read live: the Skiperator Application, then
 * everything Skiperator made for it under its owner (Deployment → ReplicaSet → Pods, ...),
 * healthy or not. Why the app fails is said once on top; every object opens its drill-down.
 */
export function ResourceTree(props: ResourceTreeProps) {
  const { app, onOpenResource } = props;
  const { cluster, namespace, name } = app;
  const api = useApi(skipFleetApiRef);
  const key = fleetAppKey(app);
  const state = useFleetData(
    () => api.getAppResourceTree({ cluster, namespace, name }),
    [api, cluster, namespace, name],
    // Pods come and go with the app: only a change of this app asks again.
    { refetchOn: signal => signal.apps.includes(key) },
  );
  return (
    <section aria-label="Resource tree">
      <Typography variant="subtitle2" component="h3" gutterBottom>
        What the app is made of
      </Typography>
      <AsyncContent state={state} what="the resource tree" loadingRows={6}>
        {value => <Tree tree={value} onOpenResource={onOpenResource} />}
      </AsyncContent>
    </section>
  );
}

function Tree(props: {
  tree: ResourceTreeAnswer;
  onOpenResource: (resource: FailingResource) => void;
}) {
  const { tree, onOpenResource } = props;
  const classes = useStyles();
  const rows = useMemo(() => treeRows(tree.nodes), [tree.nodes]);
  const open = (row: TreeRow) =>
    onOpenResource({
      cluster: tree.cluster,
      namespace: row.namespace || tree.namespace,
      kind: row.kind,
      name: row.name,
      health: row.health,
      message: row.reason,
    });
  return (
    <>
      {tree.explanation && (
        <Alert severity="error" className={classes.explanation}>
          <AlertTitle>{tree.explanation.title}</AlertTitle>
          {tree.explanation.detail}
        </Alert>
      )}
      <div className={classes.header} aria-hidden>
        <Typography variant="caption" color="textSecondary">
          Resource
        </Typography>
        <Typography variant="caption" color="textSecondary">
          Health
        </Typography>
        <Typography variant="caption" color="textSecondary">
          Argo CD sync
        </Typography>
      </div>
      <ol className={classes.list} aria-label={`Resources of ${tree.name}`}>
        {rows.map(row => (
          <ResourceTreeRow key={row.id} row={row} onOpen={open} />
        ))}
      </ol>
      {tree.unreadable.length > 0 && (
        <Typography
          variant="caption"
          color="textSecondary"
          component="p"
          style={{ marginTop: 4 }}
        >
          Not shown, because the cluster did not let the portal list them:{' '}
          {tree.unreadable.join('; ')}.
        </Typography>
      )}
    </>
  );
}
