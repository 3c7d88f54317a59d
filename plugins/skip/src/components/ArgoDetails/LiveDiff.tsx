import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  ArgoAppDiff,
  ArgoAppRef,
  ArgoResourceChange,
  ArgoResourceDiff,
  SkiperatorAppSummary,
} from '@internal/plugin-skip-common';
import {
  AsyncContent,
  BreakableName,
  fleetAppKey,
  namesAnyOf,
  skipFleetApiRef,
  useFleetData,
} from '@internal/plugin-skip-react';
import { useApi } from '@backstage/core-plugin-api';

/** Props of {@link LiveDiff}. */
export type LiveDiffProps = { app: SkiperatorAppSummary; argo: ArgoAppRef };

const CHANGE_LABELS: Record<Exclude<ArgoResourceChange, 'none'>, string> = {
  modified: 'Modified',
  missing: 'Missing on the cluster',
  extra: 'Not in git',
};

const useStyles = makeStyles(theme => ({
  nowrap: { whiteSpace: 'nowrap' },
  muted: { color: theme.palette.text.secondary },
  resource: { marginTop: theme.spacing(1.5) },
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5, 1),
    marginBottom: theme.spacing(0.5),
  },
  diff: {
    margin: 0,
    padding: theme.spacing(1),
    maxHeight: 400,
    overflowY: 'auto',
    fontFamily: 'monospace',
    fontSize: '0.8125rem',
    // Long lines wrap at the box's edge instead of scrolling sideways.
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    backgroundColor: theme.palette.background.default,
    borderRadius: theme.shape.borderRadius,
  },
  removed: {
    color: theme.palette.error.dark,
    backgroundColor:
      theme.palette.type === 'dark'
        ? 'rgba(244, 67, 54, 0.16)'
        : 'rgba(244, 67, 54, 0.08)',
  },
  added: {
    color: theme.palette.success.dark,
    backgroundColor:
      theme.palette.type === 'dark'
        ? 'rgba(76, 175, 80, 0.16)'
        : 'rgba(76, 175, 80, 0.08)',
  },
  hunk: { color: theme.palette.text.secondary },
}));

/**
 * How the app's live resources differ from git, as its Argo CD instance compares them: each
 * differing resource with a diff of its YAML (`-` on the cluster, `+` in git), "No differences"
 * when all match, or why the portal cannot tell (no Argo CD API configured for the instance).
 */
export function LiveDiff(props: LiveDiffProps) {
  const { app, argo } = props;
  const api = useApi(skipFleetApiRef);
  const { instance, namespace, name } = argo;
  const appKey = fleetAppKey(app);
  const state = useFleetData(
    () => api.getArgoAppDiff({ instance, namespace, name }),
    [api, instance, namespace, name],
    // A live change to the app is what makes it differ from git.
    { refetchOn: signal => namesAnyOf(signal, { apps: [appKey] }) },
  );
  const classes = useStyles();
  return (
    <section aria-label="Differences from git">
      <Typography variant="overline" component="h4">
        Differences from git
      </Typography>
      <AsyncContent
        state={state}
        what="the differences from git"
        loadingRows={2}
      >
        {diff => <DiffContent diff={diff} classes={classes} />}
      </AsyncContent>
    </section>
  );
}

function DiffContent(props: {
  diff: ArgoAppDiff;
  classes: ReturnType<typeof useStyles>;
}) {
  const { diff, classes } = props;
  if (!diff.available) {
    return (
      <Typography variant="body2" className={classes.muted}>
        {diff.reason}
      </Typography>
    );
  }
  const differing = diff.resources.filter(r => r.change !== 'none');
  if (differing.length === 0) {
    return (
      <Typography variant="body2">
        No differences: every resource on the cluster matches git.
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2" className={classes.muted}>
        − on the cluster, + in git (what a sync would apply)
      </Typography>
      {differing.map(resource => (
        <ResourceDiffView
          key={`${resource.group}/${resource.kind}/${resource.namespace}/${resource.name}`}
          resource={resource}
          classes={classes}
        />
      ))}
    </>
  );
}

function ResourceDiffView(props: {
  resource: ArgoResourceDiff;
  classes: ReturnType<typeof useStyles>;
}) {
  const { resource, classes } = props;
  const label = `${resource.kind} ${resource.name}`;
  return (
    <div className={classes.resource} role="group" aria-label={label}>
      <Typography variant="body2" component="div" className={classes.heading}>
        <span className={classes.nowrap}>{resource.kind}</span>
        <BreakableName name={resource.name} />
        <Chip
          size="small"
          className={classes.nowrap}
          label={CHANGE_LABELS[resource.change as keyof typeof CHANGE_LABELS]}
        />
      </Typography>
      {resource.diff && (
        <pre className={classes.diff} aria-label={`Diff of ${label}`}>
          {resource.diff.split('\n').map((line, i) => (
            <div key={i} className={lineClass(line, classes)}>
              {line}
            </div>
          ))}
        </pre>
      )}
    </div>
  );
}

function lineClass(
  line: string,
  classes: ReturnType<typeof useStyles>,
): string | undefined {
  if (line.startsWith('@@')) return classes.hunk;
  if (line.startsWith('-')) return classes.removed;
  if (line.startsWith('+')) return classes.added;
  return undefined;
}
