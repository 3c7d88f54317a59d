import { SkiperatorAppSummary } from '@internal/plugin-skip-common';
import { fillUrlTemplate, ObservabilityTemplates } from './observabilityLinks';

/** One link of an app row: what it says and where it goes. */
export type AppLinkTarget = { label: string; title: string; href: string };

const HOSTNAME =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/i;

/** A host from a cluster as a link, only when it is a plain DNS name (no `user@`, path or wildcard). */
export function hostUrl(host: string): string | undefined {
  return HOSTNAME.test(host) ? `https://${host}` : undefined;
}

/**
 * A git repository as a page a browser opens: `git@github.com:org/repo.git` and
 * `https://github.com/org/repo.git` both become `https://github.com/org/repo`; anything
 * that is not http(s) or scp-like ssh gives no link (the value comes from a cluster).
 */
export function repoWebUrl(repoURL: string | undefined): string | undefined {
  if (!repoURL) return undefined;
  const scp = /^(?:ssh:\/\/)?git@([^:/]+)[:/](.+)$/.exec(repoURL);
  const url = scp ? `https://${scp[1]}/${scp[2]}` : repoURL;
  if (!/^https?:\/\/[^\s]+$/.test(url)) return undefined;
  return url.replace(/\.git$/, '').replace(/\/+$/, '');
}

/**
 * Where an app row links to, in the order a developer looks: the app itself (its external
 * URLs), then Argo CD, the repository, and the platform's Grafana and Loki.
 */
export function appLinkTargets(
  app: SkiperatorAppSummary,
  templates: ObservabilityTemplates,
): AppLinkTarget[] {
  const links: AppLinkTarget[] = [];
  for (const host of app.ingresses ?? []) {
    const href = hostUrl(host);
    if (href) links.push({ label: host, title: `Open ${host}`, href });
  }
  if (app.argo?.url) {
    links.push({
      label: 'Argo CD',
      title: `Argo CD app ${app.argo.name} in ${app.argo.instance}`,
      href: app.argo.url,
    });
  }
  const repo = repoWebUrl(app.argo?.repoURL);
  if (repo) links.push({ label: 'Repository', title: repo, href: repo });
  const values = {
    cluster: app.cluster,
    namespace: app.namespace,
    app: app.name,
    environment: app.environment,
    team: app.team,
  };
  const grafana = fillUrlTemplate(templates.grafanaUrlTemplate, values);
  if (grafana) {
    links.push({
      label: 'Grafana',
      title: `Grafana dashboard of ${app.name} on ${app.cluster}`,
      href: grafana,
    });
  }
  const loki = fillUrlTemplate(templates.lokiUrlTemplate, values);
  if (loki) {
    links.push({
      label: 'Logs',
      title: `Loki logs of ${app.name} in ${app.namespace} on ${app.cluster}`,
      href: loki,
    });
  }
  return links;
}
