import { useApi } from '@backstage/core-plugin-api';
import type {
  AccessApplyResult,
  AccessPlan,
} from '@internal/plugin-skip-common';
import { skipAccessApiRef } from '@internal/plugin-skip-react';
import { useState } from 'react';
import { backendMessage } from '../UpgradesPage/backendMessage';

/** What {@link usePlanApply} offers the plan view. */
export type PlanApplyState = {
  applying: boolean;
  result?: AccessApplyResult;
  failure?: string;
  /** Applies the shown plan, or only the named cluster's part of it. */
  apply: (cluster?: string) => Promise<void>;
};

const CHANGED =
  'The plan changed since you saw it (a rule or a cluster changed). It has been loaded again: check it and apply again.';

/**
 * Applies exactly the plan the person saw: the whole plan by its digest, or one cluster's
 * part by the digest of that cluster's plan, which must hold the changes shown. Afterwards,
 * and when the backend says the plan changed (409), the plan is loaded again.
 */
export function usePlanApply(
  plan: AccessPlan,
  reload: () => void,
): PlanApplyState {
  const api = useApi(skipAccessApiRef);
  const [applying, setApplying] = useState(false);
  const [result, setResult] = useState<AccessApplyResult>();
  const [failure, setFailure] = useState<string>();

  const apply = async (cluster?: string) => {
    setApplying(true);
    setResult(undefined);
    setFailure(undefined);
    try {
      let digest = plan.digest;
      if (cluster) {
        // The digest of a part is the digest of the plan for that cluster alone.
        const part = await api.getPlan([cluster]);
        const shown = plan.clusters.find(c => c.cluster === cluster)?.changes;
        const now = part.clusters.find(c => c.cluster === cluster)?.changes;
        if (JSON.stringify(shown) !== JSON.stringify(now)) {
          setFailure(CHANGED);
          return;
        }
        digest = part.digest;
      }
      setResult(await api.applyPlan(digest, cluster ? [cluster] : undefined));
    } catch (e) {
      const { message, status } = backendMessage(e);
      setFailure(status === 409 ? CHANGED : `Not applied: ${message}`);
    } finally {
      setApplying(false);
      reload();
    }
  };
  return { applying, result, failure, apply };
}
