// Talks to the simulated fleet as a client of its own: the Kubernetes API of each cluster (with the
// credentials the simulator wrote for the portal) and the simulator's control API (faults).
import https from 'node:https';

export function clustersOf(simConfig) {
  return simConfig.kubernetes.clusterLocatorMethods[0].clusters.map(c => ({
    name: c.name,
    url: c.url,
    token: c.serviceAccountToken,
    ca: Buffer.from(c.caData, 'base64').toString(),
    role: simConfig.skip.clusters.find(s => s.name === c.name)?.role,
  }));
}

/** One request to a cluster's API server; resolves with the parsed JSON answer. */
export function kube(
  cluster,
  method,
  path,
  body,
  contentType = 'application/merge-patch+json',
) {
  const url = new URL(path, cluster.url);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method,
        ca: cluster.ca,
        headers: {
          Authorization: `Bearer ${cluster.token}`,
          Accept: 'application/json',
          ...(payload
            ? {
                'Content-Type': contentType,
                'Content-Length': Buffer.byteLength(payload),
              }
            : {}),
        },
      },
      res => {
        const chunks = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (res.statusCode >= 400)
            reject(
              new Error(
                `${method} ${path} on ${cluster.name}: ${
                  res.statusCode
                } ${text.slice(0, 300)}`,
              ),
            );
          else resolve(JSON.parse(text));
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** How many objects a list would return, from one page of one item (remainingItemCount). */
async function count(cluster, path) {
  const sep = path.includes('?') ? '&' : '?';
  try {
    const list = await kube(cluster, 'GET', `${path}${sep}limit=1`);
    return list.items.length + (list.metadata?.remainingItemCount ?? 0);
  } catch {
    return 0; // a kind the cluster does not serve
  }
}

/**
 * The objects the fleet cache keeps, counted on the clusters themselves: nodes and namespaces
 * everywhere, Skiperator Applications and their Deployments on user clusters, Argo CD Applications
 * where instances run, and the on-prem cluster records on admin clusters.
 */
export async function countCachedObjects(simConfig) {
  const argoClusters = new Set(
    (simConfig.skip.argocd?.instances ?? []).map(i => i.cluster),
  );
  let total = 0;
  for (const cluster of clustersOf(simConfig)) {
    total += await count(cluster, '/api/v1/nodes');
    total += await count(cluster, '/api/v1/namespaces');
    if (cluster.role === 'admin') {
      total += await count(
        cluster,
        '/apis/onprem.cluster.gke.io/v1alpha1/onpremuserclusters',
      );
      total += await count(
        cluster,
        '/apis/onprem.cluster.gke.io/v1alpha1/onpremadminclusters',
      );
    } else {
      total += await count(
        cluster,
        '/apis/skiperator.kartverket.no/v1alpha1/applications',
      );
      total += await count(
        cluster,
        '/apis/apps/v1/deployments?labelSelector=app.kubernetes.io%2Fmanaged-by%3Dskiperator',
      );
    }
    if (argoClusters.has(cluster.name))
      total += await count(cluster, '/apis/argoproj.io/v1alpha1/applications');
  }
  return total;
}

export async function setFaults(controlUrl, cluster, faults) {
  const res = await fetch(`${controlUrl}/clusters/${cluster}/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!res.ok)
    throw new Error(`faults of ${cluster}: ${res.status} ${await res.text()}`);
}
