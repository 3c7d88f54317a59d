import {
  ApiException,
  HttpMethod,
  KubeConfig,
  RequestContext,
} from '@kubernetes/client-node';
import { Readable } from 'node:stream';
import { fetch } from 'undici';

/**
 * Opens a pod's log as a stream, answering only once the cluster has said 200. client-node's
 * `Log` pipes without error handling and never reports the end, so a dropped cluster or a
 * closed browser would surface as an uncaught error; here both are the caller's to handle.
 */
export async function openPodLogStream(options: {
  kubeConfig: KubeConfig;
  namespace: string;
  pod: string;
  container: string;
  tailLines: number;
  signal: AbortSignal;
}): Promise<Readable> {
  const { kubeConfig, namespace, pod, container, tailLines, signal } = options;
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error('No current cluster in the KubeConfig');
  const url = new URL(
    `${cluster.server.replace(
      /\/+$/,
      '',
    )}/api/v1/namespaces/${encodeURIComponent(
      namespace,
    )}/pods/${encodeURIComponent(pod)}/log`,
  );
  url.searchParams.set('container', container);
  url.searchParams.set('follow', 'true');
  url.searchParams.set('tailLines', String(tailLines));
  const context = new RequestContext(url.toString(), HttpMethod.GET);
  await kubeConfig.applySecurityAuthentication(context);
  const response = await fetch(url.toString(), {
    method: 'GET',
    headers: context.getHeaders(),
    dispatcher: context.getDispatcher() as any,
    signal,
  });
  if (response.status !== 200 || !response.body) {
    const body = await response.text().catch(() => '');
    throw new ApiException(
      response.status,
      `Log request failed with ${response.status}`,
      body,
      {},
    );
  }
  return Readable.fromWeb(response.body as any);
}
