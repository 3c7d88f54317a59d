import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { StatusError, StatusPending } from '@backstage/core-components';
import { SkiperatorAppSummary } from '@internal/plugin-skip-common';

/** Props of {@link AppStateList}. */
export type AppStateListProps = {
  apps: SkiperatorAppSummary[];
  /** Shows the app's name too (a team has many apps; a component's share its name). */
  showName?: boolean;
};

/** What is wrong with an app, in its own words where it has them. */
function reasonOf(app: SkiperatorAppSummary): string | undefined {
  const owned = app.ownedResources.find(
    r => r.health === app.health && r.message,
  );
  if (owned) return `${owned.kind} ${owned.name}: ${owned.message}`;
  if (app.argo?.health.message) return app.argo.health.message;
  return `${app.replicas.ready} of ${app.replicas.desired} replicas ready`;
}

/** Apps that need attention, one line each: where (environment · cluster), and why. */
export function AppStateList(props: AppStateListProps) {
  const { apps, showName } = props;
  if (apps.length === 0) return null;
  return (
    <List dense disablePadding aria-label="Apps that need attention">
      {apps.map(app => {
        const Status = app.health === 'Degraded' ? StatusError : StatusPending;
        const where = `${app.environment} · ${app.cluster} · ${app.namespace}`;
        return (
          <ListItem
            key={`${app.cluster}/${app.namespace}/${app.name}`}
            disableGutters
          >
            <ListItemText
              primary={
                <Status>
                  {app.health === 'Degraded' ? 'Failing' : 'Progressing'}
                  {showName ? ` · ${app.name}` : ''} · {where}
                </Status>
              }
              secondary={reasonOf(app)}
            />
          </ListItem>
        );
      })}
    </List>
  );
}
