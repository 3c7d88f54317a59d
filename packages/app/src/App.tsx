import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import signalsPlugin from '@backstage/plugin-signals/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import skipPlugin from '@internal/plugin-skip';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

// Features are also discovered from package.json (app.packages: all); listing
// them here keeps tests, which do not run discovery, on the same set.
export default createApp({
  features: [
    catalogPlugin,
    orgPlugin,
    notificationsPlugin,
    signalsPlugin,
    userSettingsPlugin,
    skipPlugin,
    navModule,
    signInModule,
  ],
});
