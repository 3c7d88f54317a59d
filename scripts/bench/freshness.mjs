// From a change in a cluster to what a user sees: an Argo CD app's health flips (Degraded, then
// Healthy again) and we time how long until our API answers with it, and until an open component
// tab shows it through the push channel (signals), without reloading.
import { kube } from './fleet.mjs';
import { getJson, oursUrl } from './portal.mjs';
import { sleep, stats } from './stats.mjs';

export async function measureFreshness({
  baseUrl,
  token,
  page,
  clusters,
  simConfig,
  changes,
}) {
  const { body } = await getJson(oursUrl(baseUrl), token);
  const item = body.items.find(i => i.argo);
  if (!item) throw new Error('no app of the component has an Argo CD app');
  const argo = item.argo;
  const instance = simConfig.skip.argocd.instances.find(
    i => i.name === argo.instance,
  );
  const host = clusters.find(c => c.name === instance.cluster);
  const path = `/apis/argoproj.io/v1alpha1/namespaces/${argo.namespace}/applications/${argo.name}`;
  const rowOf = item.cluster;
  const api = [];
  const ui = [];
  for (let i = 0; i < changes; i++) {
    const status = i % 2 === 0 ? 'Degraded' : 'Healthy';
    const message = status === 'Degraded' ? `bench change ${i}` : undefined;
    const t0 = performance.now();
    await kube(host, 'PATCH', `${path}/status`, {
      status: { health: { status, message: message ?? null } },
    });
    const seenByApi = (async () => {
      while (performance.now() - t0 < 30_000) {
        const { body: now } = await getJson(oursUrl(baseUrl), token);
        const mine = now?.items.find(
          x => x.cluster === rowOf && x.argo?.name === argo.name,
        );
        if (mine?.argo?.health?.status === status)
          return performance.now() - t0;
        await sleep(5);
      }
      throw new Error(
        `our API did not show ${argo.name} ${status} within 30 s`,
      );
    })();
    const seenOnPage = page
      ? page
          .waitForFunction(
            ({ cluster, app, degraded }) => {
              const row = [...document.querySelectorAll('tr')].find(
                r => r.innerText.includes(app) && r.innerText.includes(cluster),
              );
              return row && row.innerText.includes('Degraded') === degraded;
            },
            { cluster: rowOf, app: item.name, degraded: status === 'Degraded' },
            { polling: 'raf', timeout: 30_000 },
          )
          .then(
            () => performance.now() - t0,
            error => error, // awaited below, after the API's answer; never left unhandled
          )
      : undefined;
    api.push(await seenByApi);
    if (seenOnPage) {
      const seen = await seenOnPage;
      if (seen instanceof Error) throw seen;
      ui.push(seen);
    }
  }
  return { changes, api: stats(api), page: page ? stats(ui) : undefined };
}
