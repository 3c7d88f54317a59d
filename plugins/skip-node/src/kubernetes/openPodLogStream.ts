import {
  ApiException,
  createConfiguration,
  HttpMethod,
  RequestContext,
} from '@kubernetes/client-node';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { ClusterClients } from './clusterClients';

/**
 * Opens a pod's followed log as a stream, answering only once the cluster has said 200.
 * client-node's `Log` pipes without error handling and never reports the end, so a dropped
 * cluster or a closed browser would surface as an uncaught error; here both are the
 * caller's to handle. The request carries `clients.signal`: run it through
 * `ClusterCalls.call` so opening has a deadline and the stream ends when the caller aborts.
 */
export async function openPodLogStream(
  clients: Pick<ClusterClients, 'kubeConfig' | 'signal'>,
  options: {
    namespace: string;
    pod: string;
    container: string;
    tailLines: number;
  },
): Promise<Readable> {
  const { kubeConfig, signal } = clients;
  const { namespace, pod, container, tailLines } = options;
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error('The KubeConfig has no current cluster');
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
  context.setSignal(signal);
  // client-node's own HTTP library: the TLS settings applied above are its dispatcher's.
  const response = await createConfiguration()
    .httpApi.send(context)
    .toPromise();
  const body = response.body.stream();
  if (response.httpStatusCode !== 200 || !body) {
    const text = await response.body.text().catch(() => '');
    throw new ApiException(
      response.httpStatusCode,
      `Log request failed with ${response.httpStatusCode}`,
      text,
      response.headers,
    );
  }
  return Readable.fromWeb(body as WebReadableStream<Uint8Array>);
}
