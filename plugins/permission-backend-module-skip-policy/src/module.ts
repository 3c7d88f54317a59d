import { createBackendModule } from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { skipConfigServiceRef } from '@internal/plugin-skip-node';
import { SkipPermissionPolicy } from './SkipPermissionPolicy';

/** Installs the SKIP permission policy into the permission backend. */
export const permissionModuleSkipPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'skip-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, skipConfig: skipConfigServiceRef },
      async init({ policy, skipConfig }) {
        policy.setPolicy(
          new SkipPermissionPolicy(skipConfig.platformTeamGroups),
        );
      },
    });
  },
});
