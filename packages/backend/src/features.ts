/**
 * Everything the portal's backend loads, in one list that the authorization tests read
 * too. The stock Kubernetes backend is deliberately absent: its proxy forwards any request
 * with the portal's own cluster credentials, past every SKIP permission check
 * (docs/security.md). A benchmark that compares against it adds it in its own config.
 */
export const backendFeatures = {
  '@backstage/plugin-app-backend': () =>
    import('@backstage/plugin-app-backend'),

  // auth: guest (a product developer) and the SKIP local users, for local use; configure a
  // real provider in production
  '@backstage/plugin-auth-backend': () =>
    import('@backstage/plugin-auth-backend'),
  '@backstage/plugin-auth-backend-module-guest-provider': () =>
    import('@backstage/plugin-auth-backend-module-guest-provider'),
  '@internal/plugin-auth-backend-module-skip-local-users': () =>
    import('@internal/plugin-auth-backend-module-skip-local-users'),

  // catalog, with one Resource entity per cluster from the SKIP config
  '@backstage/plugin-catalog-backend': () =>
    import('@backstage/plugin-catalog-backend'),
  '@backstage/plugin-catalog-backend-module-logs': () =>
    import('@backstage/plugin-catalog-backend-module-logs'),
  '@internal/plugin-catalog-backend-module-skip-clusters': () =>
    import('@internal/plugin-catalog-backend-module-skip-clusters'),

  // permissions: the SKIP policy (an allow-list; see docs/security.md)
  '@backstage/plugin-permission-backend': () =>
    import('@backstage/plugin-permission-backend'),
  '@internal/plugin-permission-backend-module-skip-policy': () =>
    import('@internal/plugin-permission-backend-module-skip-policy'),

  '@backstage/plugin-user-settings-backend': () =>
    import('@backstage/plugin-user-settings-backend'),
  '@backstage/plugin-signals-backend': () =>
    import('@backstage/plugin-signals-backend'),
  // notifications: the upgrades backend tells the platform team when a gate waits or a step fails
  '@backstage/plugin-notifications-backend': () =>
    import('@backstage/plugin-notifications-backend'),

  // SKIP Portal
  '@internal/plugin-skip-fleet-backend': () =>
    import('@internal/plugin-skip-fleet-backend'),
  '@internal/plugin-skip-upgrades-backend': () =>
    import('@internal/plugin-skip-upgrades-backend'),
  '@internal/plugin-skip-access-backend': () =>
    import('@internal/plugin-skip-access-backend'),
  '@internal/plugin-skip-onboarding-backend': () =>
    import('@internal/plugin-skip-onboarding-backend'),
};
