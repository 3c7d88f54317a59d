import { writeFile } from 'node:fs/promises';
import { stringify } from 'yaml';

/** One cluster as the kubeconfig names it. */
export type KubeconfigCluster = { name: string; url: string; token: string };

/** The kubeconfig YAML: one context per cluster (context name = cluster name), CA inline, bearer token. */
export function renderKubeconfig(clusters: KubeconfigCluster[], caPem: string, currentContext?: string): string {
  const caData = Buffer.from(caPem).toString('base64');
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: clusters.map(c => ({ name: c.name, cluster: { server: c.url, 'certificate-authority-data': caData } })),
    users: clusters.map(c => ({ name: `${c.name}-admin`, user: { token: c.token } })),
    contexts: clusters.map(c => ({ name: c.name, context: { cluster: c.name, user: `${c.name}-admin`, namespace: 'default' } })),
    'current-context': currentContext ?? clusters[0]?.name ?? '',
  });
}

/** Writes the kubeconfig with mode 0600, as kubectl expects of a file holding tokens. */
export async function writeKubeconfig(file: string, clusters: KubeconfigCluster[], caPem: string): Promise<void> {
  await writeFile(file, renderKubeconfig(clusters, caPem), { mode: 0o600 });
}
