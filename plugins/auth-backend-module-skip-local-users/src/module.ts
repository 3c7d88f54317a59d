import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { localUsersAuthenticator } from './localUsersAuthenticator';

/**
 * The `skipLocalUsers` sign-in provider: the sign-in page offers the users named in
 * `auth.providers.skipLocalUsers.users`; their groups come from the catalog, as with a
 * real provider, so every permission decision is the one they would get in production.
 */
export const authModuleSkipLocalUsers = createBackendModule({
  pluginId: 'auth',
  moduleId: 'skip-local-users',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'skipLocalUsers',
          factory: createProxyAuthProviderFactory({
            authenticator: localUsersAuthenticator,
            signInResolver: async ({ result }, ctx) =>
              ctx.signInWithCatalogUser({ entityRef: result.userEntityRef }),
          }),
        });
      },
    });
  },
});
