import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import DnsIcon from '@material-ui/icons/Dns';
import { skipFleetApiFactory } from '@internal/plugin-skip-react';
import { rootRouteRef } from './routes';

const skipFleetApi = ApiBlueprint.make({
  name: 'fleet',
  params: defineParams => defineParams(skipFleetApiFactory),
});

const skipFleetPage = PageBlueprint.make({
  params: {
    path: '/skip',
    title: 'SKIP',
    icon: <DnsIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
    loader: () => import('./components/FleetPage').then(m => <m.FleetPage />),
  },
});

const componentContent = EntityContentBlueprint.make({
  name: 'component',
  params: {
    path: '/skip',
    title: 'SKIP',
    filter: 'kind:component',
    loader: () =>
      import('./components/EntitySkipAppsContent').then(m => (
        <m.EntitySkipAppsContent />
      )),
  },
});

const groupContent = EntityContentBlueprint.make({
  name: 'group',
  params: {
    path: '/skip',
    title: 'SKIP',
    filter: 'kind:group',
    loader: () =>
      import('./components/EntitySkipTeamContent').then(m => (
        <m.EntitySkipTeamContent />
      )),
  },
});

/** SKIP Portal's frontend on the new frontend system: fleet page and SKIP entity tabs. */
export const skipPlugin = createFrontendPlugin({
  pluginId: 'skip',
  title: 'SKIP',
  icon: <DnsIcon fontSize="inherit" />,
  routes: { root: rootRouteRef },
  extensions: [skipFleetApi, skipFleetPage, componentContent, groupContent],
});
