import {
  HttpMethod,
  KubeConfig,
  RequestContext,
} from '@kubernetes/client-node';
import { fetch } from 'undici';

/** One page of a list: the raw items, the list's resourceVersion and where the next page starts. */
export type ListPage = {
  items: unknown[];
  resourceVersion: string;
  continueToken?: string;
};

/**
 * GETs one page of a collection as plain JSON, authenticated as client-node's own watch
 * is. Plain JSON because the typed client-node lists convert every object into model
 * classes first, work the cache would throw away when it projects the object.
 */
export async function requestListPage(
  kubeConfig: KubeConfig,
  path: string,
  query: Record<string, string | number | undefined>,
  signal: AbortSignal,
): Promise<ListPage> {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error('The KubeConfig has no current cluster');
  const url = new URL(cluster.server.replace(/\/+$/, '') + path);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  const context = new RequestContext(url.toString(), HttpMethod.GET);
  await kubeConfig.applySecurityAuthentication(context);
  const response = await fetch(url, {
    headers: context.getHeaders(),
    dispatcher: context.getDispatcher(),
    signal,
  });
  if (!response.ok) {
    const status = (await response.json().catch(() => undefined)) as
      | { message?: string }
      | undefined;
    // statusCode is where classifyClusterError looks for the answer's status.
    throw Object.assign(
      new Error(
        `GET ${path} answered ${response.status}${
          status?.message ? `: ${status.message}` : ''
        }`,
      ),
      { statusCode: response.status },
    );
  }
  const list = (await response.json()) as {
    metadata?: { resourceVersion?: string; continue?: string };
    items?: unknown[];
  };
  return {
    items: list.items ?? [],
    resourceVersion: list.metadata?.resourceVersion ?? '',
    continueToken: list.metadata?.continue || undefined,
  };
}
