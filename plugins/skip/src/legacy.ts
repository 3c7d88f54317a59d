import {
  createComponentExtension,
  createPlugin,
  createRouteRef,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { skipFleetApiFactory } from '@internal/plugin-skip-react';

const legacyRootRouteRef = createRouteRef({ id: 'skip' });

/** SKIP Portal's frontend for apps on the legacy frontend system. */
export const skipLegacyPlugin = createPlugin({
  id: 'skip',
  apis: [skipFleetApiFactory],
  routes: { root: legacyRootRouteRef },
});

/** The fleet page (legacy system): mount it on a route, e.g. `/skip`. */
export const SkipFleetPage = skipLegacyPlugin.provide(
  createRoutableExtension({
    name: 'SkipFleetPage',
    component: () =>
      import('./components/FleetPage').then(m => m.FleetLegacyPage),
    mountPoint: legacyRootRouteRef,
  }),
);

/** The SKIP tab content of a component (legacy system). */
export const EntitySkipAppsContent = skipLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntitySkipAppsContent',
    component: {
      lazy: () =>
        import('./components/EntitySkipAppsContent').then(
          m => m.EntitySkipAppsContent,
        ),
    },
  }),
);

/** The SKIP tab content of a group (legacy system). */
export const EntitySkipTeamContent = skipLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntitySkipTeamContent',
    component: {
      lazy: () =>
        import('./components/EntitySkipTeamContent').then(
          m => m.EntitySkipTeamContent,
        ),
    },
  }),
);
