import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  ENVIRONMENTS,
  Environment,
  Health,
  SkiperatorAppSummary,
} from '@internal/plugin-skip-common';
import { BreakableName } from '@internal/plugin-skip-react';
import { imageWithTag } from '../../lib/failingResources';
import { healthTone, StatusLabel } from '../AppsTable/AppStatus';

/** Props of {@link EnvironmentStrip}. */
export type EnvironmentStripProps = {
  apps: SkiperatorAppSummary[];
};

// The worst app decides an environment's state: one failing app is what matters.
const SEVERITY: Record<Health, number> = {
  Healthy: 0,
  Unknown: 1,
  Progressing: 2,
  Degraded: 3,
};

const useStyles = makeStyles(theme => ({
  strip: {
    display: 'grid',
    gridTemplateColumns: `repeat(${ENVIRONMENTS.length}, minmax(0, 1fr))`,
    gap: theme.spacing(1),
    listStyle: 'none',
    margin: theme.spacing(0, 0, 2),
    padding: 0,
  },
  item: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    backgroundColor: theme.palette.background.paper,
    padding: theme.spacing(1, 1.5),
    minWidth: 0,
  },
  absent: { backgroundColor: 'transparent', borderStyle: 'dashed' },
  name: { fontWeight: 600, letterSpacing: 0.5 },
}));

/**
 * The component's state per environment at a glance, in promotion order (sandbox → prod):
 * the worst app's health, what runs there (version or count), or that nothing is deployed.
 */
export function EnvironmentStrip(props: EnvironmentStripProps) {
  const classes = useStyles();
  return (
    <ol className={classes.strip} aria-label="Environments">
      {ENVIRONMENTS.map(environment => (
        <EnvironmentItem
          key={environment}
          environment={environment}
          apps={props.apps.filter(a => a.environment === environment)}
          classes={classes}
        />
      ))}
    </ol>
  );
}

function EnvironmentItem(props: {
  environment: Environment;
  apps: SkiperatorAppSummary[];
  classes: ReturnType<typeof useStyles>;
}) {
  const { environment, apps, classes } = props;
  const absent = apps.length === 0;
  return (
    <li
      className={absent ? `${classes.item} ${classes.absent}` : classes.item}
      aria-label={environment}
    >
      <Typography
        variant="overline"
        component="h3"
        display="block"
        className={classes.name}
      >
        {environment}
      </Typography>
      {absent ? (
        <Typography
          variant="body2"
          color="textSecondary"
          style={{ whiteSpace: 'nowrap' }}
        >
          Not deployed
        </Typography>
      ) : (
        <EnvironmentState apps={apps} />
      )}
    </li>
  );
}

function EnvironmentState(props: { apps: SkiperatorAppSummary[] }) {
  const { apps } = props;
  const worst = apps.reduce((a, b) =>
    SEVERITY[b.health] > SEVERITY[a.health] ? b : a,
  );
  const { tone, word } = healthTone(worst.health);
  const unhealthy = apps.filter(a => a.health !== 'Healthy').length;
  return (
    <>
      <StatusLabel tone={tone}>{word}</StatusLabel>
      <Typography variant="caption" color="textSecondary" component="div">
        {apps.length === 1 ? (
          <Box component="span" title={imageWithTag(worst)}>
            <BreakableName name={versionOf(worst)} />
          </Box>
        ) : (
          `${apps.length} apps${
            unhealthy > 0 ? ` · ${unhealthy} not healthy` : ''
          }`
        )}
      </Typography>
    </>
  );
}

/** The version a person compares across environments: the tag, else the image's last part. */
function versionOf(app: SkiperatorAppSummary): string {
  return app.tag ?? app.image.split('/').pop() ?? app.image;
}
