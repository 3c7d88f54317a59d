import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

const localUsersSignInPage = SignInPageBlueprint.make({
  params: {
    loader: async () =>
      import('./LocalUsersSignInPage').then(m => m.LocalUsersSignInPage),
  },
});

/** The sign-in page of the embedded default: a choice of local users (config `skip.localUsers`). */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [localUsersSignInPage],
});
