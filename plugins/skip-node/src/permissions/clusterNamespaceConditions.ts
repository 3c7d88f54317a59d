import { createConditionExports } from '@backstage/plugin-permission-node';
import {
  clusterNamespaceResourceRef,
  isSystemNamespaceRule,
  isTeamNamespaceRule,
} from './clusterNamespaceRules';

const exports = createConditionExports({
  resourceRef: clusterNamespaceResourceRef,
  rules: {
    isTeamNamespace: isTeamNamespaceRule,
    isSystemNamespace: isSystemNamespaceRule,
  },
});

/** Conditions a policy may return for namespace-scoped SKIP permissions. */
export const skipNamespaceConditions = exports.conditions;

/** Wraps namespace conditions into a conditional policy decision. */
export const createSkipNamespaceConditionalDecision =
  exports.createConditionalDecision;
