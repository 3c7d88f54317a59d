import { resolvePackagePath } from '@backstage/backend-plugin-api';

/** Where the plugin's knex migrations live and the table that records which ran. */
export const migrationsConfig = {
  directory: resolvePackagePath(
    '@internal/plugin-skip-access-backend',
    'migrations',
  ),
  tableName: 'skip_access_knex_migrations',
};
