import { stringifyEntityRef } from '@backstage/catalog-model';
import { Content } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { AppsView } from '../AppsView';
import { NamespacesTable } from '../NamespacesTable';

/** The SKIP tab of a group: the team's apps and namespaces across the fleet. */
export function EntitySkipTeamContent() {
  const { entity } = useEntity();
  const team = stringifyEntityRef(entity);
  return (
    <Content noPadding>
      <Typography variant="h5" component="h2" gutterBottom>
        Apps
      </Typography>
      <AppsView
        query={{ team }}
        emptyDescription="No Skiperator app runs in this team's namespaces."
      />
      <Box mt={4}>
        <NamespacesTable team={team} />
      </Box>
    </Content>
  );
}
