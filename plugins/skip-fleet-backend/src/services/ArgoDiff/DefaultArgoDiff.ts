import type {
  ArgoAppDiff,
  ArgoAppRef,
  ArgoResourceDiff,
} from '@internal/plugin-skip-common';
import type { Caller, SkipConfig } from '@internal/plugin-skip-node';
import { ArgoAppAccess } from '../ArgoActions/ArgoAppAccess';
import { ArgoCdApiClient } from './ArgoCdApiClient';
import { toResourceDiff } from './toResourceDiff';
import type { ArgoDiff } from './types';

/**
 * Asks the instance's Argo CD API for the app's managed resources (only it knows git's side)
 * and turns each into a readable diff. The caller must be allowed to look into the app's
 * namespace, as for its details: the diff shows the live objects.
 */
export class DefaultArgoDiff implements ArgoDiff {
  private constructor(
    private readonly access: ArgoAppAccess,
    private readonly api: ArgoCdApiClient,
    private readonly config: SkipConfig,
  ) {}

  static create(options: {
    access: ArgoAppAccess;
    api: ArgoCdApiClient;
    config: SkipConfig;
  }): DefaultArgoDiff {
    return new DefaultArgoDiff(options.access, options.api, options.config);
  }

  async get(
    ref: ArgoAppRef,
    caller: Caller,
    signal?: AbortSignal,
  ): Promise<ArgoAppDiff> {
    const target = this.access.target(ref);
    await this.access.requireToLookInto(caller.credentials, target);
    const app = {
      instance: ref.instance,
      namespace: ref.namespace,
      name: ref.name,
    };
    const api = this.config.argoInstances.find(
      i => i.name === ref.instance,
    )?.api;
    if (!api) {
      return {
        ...app,
        available: false,
        reason: `No Argo CD API configured for instance ${ref.instance}`,
        resources: [],
      };
    }
    const managed = await this.api.managedResources(api, ref, signal);
    const resources = managed
      .filter(r => !r.hook)
      .map(toResourceDiff)
      .sort(differingFirst);
    return { ...app, available: true, resources };
  }
}

function differingFirst(a: ArgoResourceDiff, b: ArgoResourceDiff): number {
  return Number(a.change === 'none') - Number(b.change === 'none');
}
