import { Link } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { ArgoAppDetails } from '@internal/plugin-skip-common';
import { BreakableName } from '@internal/plugin-skip-react';
import { ReactNode } from 'react';

/** Props of {@link ArgoSourceSummary}. */
export type ArgoSourceSummaryProps = { details: ArgoAppDetails };

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    gap: theme.spacing(0.5, 2),
    margin: 0,
    alignItems: 'baseline',
  },
  term: { whiteSpace: 'nowrap', color: theme.palette.text.secondary },
  value: { margin: 0, minWidth: 0 },
  chips: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
}));

/**
 * Where the app comes from and where it goes: repository, path and target revision (linked
 * to the git host when known), project, destination and the sync policy as chips.
 */
export function ArgoSourceSummary(props: ArgoSourceSummaryProps) {
  const { details } = props;
  const { source, destination, syncPolicy } = details;
  const classes = useStyles();
  return (
    <section aria-label="Source and sync policy">
      <Typography variant="overline" component="h4">
        Source
      </Typography>
      <Typography variant="body2" component="dl" className={classes.list}>
        {source ? (
          <>
            <Row term="Repository">
              <Linked url={source.repoWebUrl} text={source.repoURL} />
            </Row>
            <Row term="Path">
              <Linked url={source.pathWebUrl} text={source.path || '.'} />
            </Row>
            <Row term="Target revision">
              <BreakableName name={source.targetRevision || 'HEAD'} />
            </Row>
          </>
        ) : (
          <Row term="Repository">Not known</Row>
        )}
        <Row term="Project">
          <BreakableName name={details.project ?? 'default'} />
        </Row>
        <Row term="Destination">
          <BreakableName name={destination.cluster ?? 'unknown cluster'} />
          {' / '}
          <BreakableName name={destination.namespace ?? 'unknown namespace'} />
        </Row>
        <Row term="Sync policy">
          <span className={classes.chips}>
            <PolicyChip label="Auto-sync" on={syncPolicy.automated} />
            <PolicyChip label="Self-heal" on={syncPolicy.selfHeal} />
            <PolicyChip label="Prune" on={syncPolicy.prune} />
            {syncPolicy.syncOptions.map(option => (
              <Chip
                key={option}
                size="small"
                variant="outlined"
                label={option}
              />
            ))}
          </span>
        </Row>
      </Typography>
    </section>
  );
}

function Row(props: { term: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <>
      <dt className={classes.term}>{props.term}</dt>
      <dd className={classes.value}>{props.children}</dd>
    </>
  );
}

function Linked(props: { url?: string; text: string }) {
  const name = <BreakableName name={props.text} />;
  return props.url ? <Link to={props.url}>{name}</Link> : name;
}

function PolicyChip(props: { label: string; on: boolean }) {
  const { label, on } = props;
  return (
    <Chip
      size="small"
      color={on ? 'primary' : 'default'}
      variant={on ? 'default' : 'outlined'}
      label={`${label} ${on ? 'on' : 'off'}`}
    />
  );
}
