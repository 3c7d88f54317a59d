import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Health, SkiperatorAppSummary } from '@internal/plugin-skip-common';
import { AsyncContent } from '@internal/plugin-skip-react';
import { AppStateList } from '../EntitySkipOverviewCard/AppStateList';
import { useEntityApps } from '../EntitySkipOverviewCard/useEntityApps';
import { describeTeamApps, rollUpTeamApps } from './rollUpTeamApps';

const STATUS: Record<Health, typeof StatusOK> = {
  Healthy: StatusOK,
  Progressing: StatusPending,
  Degraded: StatusError,
  Unknown: StatusWarning,
};

function Deployment(props: { app: SkiperatorAppSummary }) {
  const { app } = props;
  const Status = STATUS[app.health];
  return (
    <Box component="span" mr={1.5} style={{ whiteSpace: 'nowrap' }}>
      <Status
        aria-label={`${app.environment} on ${app.cluster}: ${app.health}`}
      >
        {app.environment}
      </Status>
    </Box>
  );
}

/**
 * The team's apps on its Group page: how many, how many fail and where, and one line per
 * app with its state in each environment; the SKIP tab has the details.
 */
export function TeamRollupCard() {
  const { entity } = useEntity();
  const state = useEntityApps({ team: stringifyEntityRef(entity) });
  const entityLink = useRouteRef(entityRouteRef);
  const skipTab = `${entityLink(entityRouteParams(entity))}/skip`;

  return (
    <InfoCard
      title="SKIP apps"
      subheader="The team's apps across the fleet"
      deepLink={{ title: 'Open the SKIP tab', link: skipTab }}
    >
      <AsyncContent state={state} what="the team's apps" loadingRows={3}>
        {value => {
          if (value.items.length === 0) {
            return (
              <Typography variant="body2" color="textSecondary">
                No Skiperator app runs in this team's namespaces.
              </Typography>
            );
          }
          const rows = rollUpTeamApps(value.items);
          return (
            <Box>
              <Typography variant="h6" component="p">
                {describeTeamApps(value.items)}
              </Typography>
              <AppStateList
                showName
                apps={value.items.filter(a => a.health === 'Degraded')}
              />
              <Box component="ul" pl={0} m={0} style={{ listStyle: 'none' }}>
                {rows.map(row => (
                  <Box component="li" key={row.name} py={0.5}>
                    <Typography
                      variant="body2"
                      component="span"
                      style={{ fontWeight: 500, marginRight: 12 }}
                    >
                      {row.name}
                    </Typography>
                    {row.deployments.map(app => (
                      <Deployment
                        key={`${app.cluster}/${app.namespace}`}
                        app={app}
                      />
                    ))}
                  </Box>
                ))}
              </Box>
            </Box>
          );
        }}
      </AsyncContent>
    </InfoCard>
  );
}
