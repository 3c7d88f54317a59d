import { randomBytes } from 'node:crypto';
import type { World } from '../controllers/World';
import { ArgoCdApiServer } from './ArgoCdApiServer';

/** A running instance API, as the portal's config names it. */
export type RunningArgoCdApi = {
  instance: string;
  url: string;
  token: string;
  close(): Promise<void>;
};

/** Starts one Argo CD API server per instance of the world's scenario, each with its own token. */
export async function startArgoCdApis(
  world: World,
): Promise<RunningArgoCdApi[]> {
  const started: RunningArgoCdApi[] = [];
  try {
    for (const inst of world.scenario.argocd) {
      const token = randomBytes(24).toString('hex');
      const server = await ArgoCdApiServer.start({
        instance: inst.name,
        namespace: inst.namespace,
        store: world.store(inst.cluster),
        token,
        world: {
          repo: url => world.repoByUrl(url),
          destinationStore: cluster =>
            world.clusters.has(cluster) ? world.store(cluster) : undefined,
        },
      });
      started.push({
        instance: inst.name,
        url: server.url,
        token,
        close: () => server.close(),
      });
    }
  } catch (error) {
    for (const api of started) await api.close();
    throw error;
  }
  return started;
}
