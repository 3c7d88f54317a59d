import { resolvePackagePath } from '@backstage/backend-plugin-api';

/** Where the plugin's knex migrations live and the table that records which ran. */
export const migrationsConfig = {
  directory: resolvePackagePath(
    '@internal/plugin-skip-onboarding-backend',
    'migrations',
  ),
  tableName: 'skip_onboarding_knex_migrations',
};
