import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import DnsIcon from '@material-ui/icons/Dns';
import { Route, Routes } from 'react-router-dom';
import {
  NotFoundPage,
  skipAccessApiFactory,
  skipFleetApiFactory,
  skipOnboardingApiFactory,
  skipUpgradesApiFactory,
} from '@internal/plugin-skip-react';
import { rootRouteRef } from './routes';

const skipFleetApi = ApiBlueprint.make({
  name: 'fleet',
  params: defineParams => defineParams(skipFleetApiFactory),
});

const skipUpgradesApi = ApiBlueprint.make({
  name: 'upgrades',
  params: defineParams => defineParams(skipUpgradesApiFactory),
});

const skipAccessApi = ApiBlueprint.make({
  name: 'access',
  params: defineParams => defineParams(skipAccessApiFactory),
});

const skipOnboardingApi = ApiBlueprint.make({
  name: 'onboarding',
  params: defineParams => defineParams(skipOnboardingApiFactory),
});

const skipFleetPage = PageBlueprint.make({
  params: {
    path: '/skip',
    title: 'SKIP',
    icon: <DnsIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
    // The SKIP page routes its own sub-pages: the fleet at /skip, a cluster at /skip/clusters/:cluster,
    // cluster upgrades at /skip/upgrades, one upgrade run at /skip/upgrades/runs/:runId,
    // access (IAM groups to RBAC) at /skip/access and onboarding (a team's namespace prefix)
    // at /skip/onboarding, each with its tabs below it.
    loader: () =>
      Promise.all([
        import('./components/FleetPage'),
        import('./components/ClusterPage'),
        import('./components/UpgradesPage'),
        import('./components/UpgradeRunPage'),
        import('./components/AccessPage'),
        import('./components/OnboardingPage'),
      ]).then(([fleet, cluster, upgrades, upgradeRun, access, onboarding]) => (
        <Routes>
          <Route path="/" element={<fleet.FleetPage />} />
          <Route path="/clusters/:cluster" element={<cluster.ClusterPage />} />
          <Route path="/upgrades" element={<upgrades.UpgradesPage />} />
          <Route
            path="/upgrades/runs/:runId"
            element={<upgradeRun.UpgradeRunPage />}
          />
          <Route path="/access/*" element={<access.AccessPage />} />
          <Route path="/onboarding/*" element={<onboarding.OnboardingPage />} />
          <Route
            path="*"
            element={
              <NotFoundPage
                what="SKIP page"
                homeTo="."
                homeLabel="Go to the fleet page"
              />
            }
          />
        </Routes>
      )),
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

// Cards on the catalog's Overview tab: the component's state at a glance, the team's roll-up.
const componentOverviewCard = EntityCardBlueprint.make({
  name: 'component-overview',
  params: {
    filter: 'kind:component',
    type: 'content',
    loader: () =>
      import('./components/EntitySkipOverviewCard').then(m => (
        <m.EntitySkipOverviewCard />
      )),
  },
});

const teamRollupCard = EntityCardBlueprint.make({
  name: 'team-rollup',
  params: {
    filter: 'kind:group',
    type: 'content',
    loader: () =>
      import('./components/TeamRollupCard').then(m => <m.TeamRollupCard />),
  },
});

// What a group or a user can do on the clusters, on their catalog page: every grant in a tab...
const accessContent = EntityContentBlueprint.make({
  name: 'access',
  params: {
    path: '/access',
    title: 'Access',
    filter: 'kind:group,user',
    loader: () =>
      import('./components/EntityAccessContent').then(m => (
        <m.EntityAccessContent />
      )),
  },
});

// ...and at a glance on the overview.
const accessCard = EntityCardBlueprint.make({
  name: 'access',
  params: {
    filter: 'kind:group,user',
    type: 'content',
    loader: () =>
      import('./components/EntityAccessCard').then(m => <m.EntityAccessCard />),
  },
});

// The team's namespace prefixes and its requests for them, on a Group page's overview.
const prefixesCard = EntityCardBlueprint.make({
  name: 'prefixes',
  params: {
    filter: 'kind:group',
    type: 'content',
    loader: () =>
      import('./components/EntityPrefixesCard').then(m => (
        <m.EntityPrefixesCard />
      )),
  },
});

/** SKIP Portal's frontend on the new frontend system: fleet page and SKIP entity tabs. */
export const skipPlugin = createFrontendPlugin({
  pluginId: 'skip',
  title: 'SKIP',
  icon: <DnsIcon fontSize="inherit" />,
  routes: { root: rootRouteRef },
  extensions: [
    skipFleetApi,
    skipUpgradesApi,
    skipAccessApi,
    skipOnboardingApi,
    skipFleetPage,
    componentContent,
    groupContent,
    accessContent,
    componentOverviewCard,
    teamRollupCard,
    accessCard,
    prefixesCard,
  ],
});
