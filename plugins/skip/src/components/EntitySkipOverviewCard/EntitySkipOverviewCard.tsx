import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { AsyncContent } from '@internal/plugin-skip-react';
import { describeAppStates, summarizeAppStates } from './summarizeAppStates';
import { useEntityApps } from './useEntityApps';
import { AppStateList } from './AppStateList';

/**
 * The component's state on the catalog's Overview tab, in one line ("3 environments ·
 * 1 failing (dev) · Synced"), with where it fails and a link to the SKIP tab.
 */
export function EntitySkipOverviewCard() {
  const { entity } = useEntity();
  const state = useEntityApps({ entityRef: stringifyEntityRef(entity) });
  const entityLink = useRouteRef(entityRouteRef);
  const skipTab = `${entityLink(entityRouteParams(entity))}/skip`;

  return (
    <InfoCard
      title="SKIP"
      subheader="Where this component runs, from the clusters"
      deepLink={{ title: 'Open the SKIP tab', link: skipTab }}
    >
      <AsyncContent state={state} what="the apps" loadingRows={2}>
        {value => {
          if (value.items.length === 0) {
            return (
              <Typography variant="body2" color="textSecondary">
                Not deployed: no Skiperator app on any cluster belongs to this
                component.
              </Typography>
            );
          }
          const summary = summarizeAppStates(value.items);
          const silent = value.clusters.filter(
            c => c.reachability !== 'reachable',
          );
          return (
            <Box>
              <Typography variant="h6" component="p">
                {describeAppStates(summary)}
              </Typography>
              <AppStateList
                apps={[...summary.failing, ...summary.progressing]}
              />
              {silent.length > 0 && (
                <Typography variant="body2" color="textSecondary">
                  {silent.length === 1
                    ? `Cluster ${silent[0].cluster} did not answer: its apps may be missing.`
                    : `${silent.length} clusters did not answer: their apps may be missing.`}
                </Typography>
              )}
            </Box>
          );
        }}
      </AsyncContent>
    </InfoCard>
  );
}
