import type { ConnectGateway } from '@internal/plugin-skip-node';
import { WatchedKind } from './kubeTypes';
import { GatewayPlan, planGatewayAccess } from './planGatewayAccess';

/**
 * Keeps one Connect gateway's plan ({@link planGatewayAccess}) up to date with what its
 * clusters' lists really cost. Before a kind's first list its cost is unknown and counted as
 * one page; each completed list records its pages, and the plan is made again, so a
 * polled gateway's interval grows with its clusters. Whether it watches or polls depends on
 * streams and probes only, so it never changes after start.
 */
export class GatewayPlanner {
  /** Pages per list, by cluster then kind. */
  private readonly pages = new Map<string, Map<WatchedKind, number>>();
  private current: GatewayPlan;

  constructor(
    private readonly gateway: ConnectGateway,
    clusters: ReadonlyArray<{ cluster: string; kinds: WatchedKind[] }>,
  ) {
    for (const { cluster, kinds } of clusters) {
      this.pages.set(cluster, new Map(kinds.map(kind => [kind, 1])));
    }
    this.current = this.replan();
  }

  get plan(): GatewayPlan {
    return this.current;
  }

  /** Records what one list cost; answers the new plan when its interval changed. */
  observe(
    cluster: string,
    kind: WatchedKind,
    pages: number,
  ): GatewayPlan | undefined {
    const kinds = this.pages.get(cluster);
    if (!kinds || kinds.get(kind) === pages) return undefined;
    kinds.set(kind, pages);
    const before = this.current;
    this.current = this.replan();
    if (
      before.mode === 'poll' &&
      this.current.mode === 'poll' &&
      before.intervalSeconds === this.current.intervalSeconds
    ) {
      return undefined;
    }
    return this.current;
  }

  private replan(): GatewayPlan {
    return planGatewayAccess({
      gateway: this.gateway.name,
      quota: this.gateway,
      clusters: [...this.pages].map(([cluster, kinds]) => ({
        cluster,
        pagesPerList: [...kinds.values()],
      })),
    });
  }
}
