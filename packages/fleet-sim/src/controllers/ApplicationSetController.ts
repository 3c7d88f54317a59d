import { deepEqual } from '../store/deepEqual';
import { ObjectStore } from '../store/ObjectStore';
import { KubeObject, StoreEvent } from '../store/types';
import { AppsDirectory, AppsRepo, normalizeRepoUrl } from './AppsRepos';
import { ARGO_API_VERSION } from './ArgoCdController';
import { rfc3339 } from './ids';

type AppSetSpec = {
  generators: { git?: { repoURL: string; revision?: string; directories: { path: string; exclude?: boolean }[] } }[];
  template: { metadata: { name: string; labels?: Record<string, string> }; spec: Record<string, unknown> };
};

/**
 * A stand-in for Argo CD's ApplicationSet controller, limited to what SKIP uses: one git
 * directories generator per set, goTemplate with `.path.*`, one Application per directory, and a
 * namespace directory's config.json deciding automated sync.
 */
export class ApplicationSetController {
  private unsubscribe?: () => void;
  private readonly generatedFrom = new Map<string, unknown>();

  constructor(private readonly opts: { namespace: string; store: ObjectStore; repo(url: string): AppsRepo | undefined; now(): Date }) {}

  /** The Applications an ApplicationSet wants, one per matching directory. */
  desiredApplications(appSet: KubeObject): KubeObject[] {
    const spec = appSet.spec as AppSetSpec;
    const out: KubeObject[] = [];
    for (const generator of spec.generators) {
      const git = generator.git;
      const repo = git && this.opts.repo(git.repoURL);
      if (!git || !repo) continue;
      const excluded = git.directories.filter(d => d.exclude).flatMap(d => repo.match(d.path).map(x => x.path));
      const dirs = git.directories.filter(d => !d.exclude).flatMap(d => repo.match(d.path)).filter(d => !excluded.includes(d.path));
      for (const dir of dirs) out.push(this.render(appSet, spec, dir));
    }
    return out;
  }

  /** Creates, updates and deletes the set's Applications and writes its status. */
  reconcile(appSet: KubeObject): void {
    const { store, namespace } = this.opts;
    this.generatedFrom.set(appSet.metadata.name, structuredClone(appSet.spec));
    const desired = this.desiredApplications(appSet);
    const names = new Set(desired.map(a => a.metadata.name));
    for (const app of desired) {
      const existing = store.get(ARGO_API_VERSION, 'Application', namespace, app.metadata.name);
      if (!existing) {
        store.put(app);
        continue;
      }
      if (deepEqual(existing.spec, app.spec) && deepEqual(existing.metadata.labels, app.metadata.labels)) continue;
      store.put({ ...existing, spec: app.spec, metadata: { ...existing.metadata, labels: app.metadata.labels, ownerReferences: app.metadata.ownerReferences } });
    }
    for (const app of store.list(ARGO_API_VERSION, 'Application', namespace)) {
      const owned = app.metadata.ownerReferences?.some(o => o.kind === 'ApplicationSet' && o.name === appSet.metadata.name);
      if (owned && !names.has(app.metadata.name) && !app.metadata.deletionTimestamp) {
        store.put({ ...app, metadata: { ...app.metadata, deletionTimestamp: rfc3339(this.opts.now()) } });
      }
    }
    this.writeStatus(appSet, desired);
  }

  /** Writes the set's status after seeding (applications created elsewhere). */
  writeStatus(appSet: KubeObject, apps: KubeObject[]): void {
    const live = this.opts.store.get(appSet.apiVersion, 'ApplicationSet', this.opts.namespace, appSet.metadata.name);
    if (!live) return;
    this.generatedFrom.set(live.metadata.name, structuredClone(live.spec));
    const at = rfc3339(this.opts.now());
    live.status = {
      conditions: [
        { type: 'ErrorOccurred', status: 'False', reason: 'ApplicationSetUpToDate', message: 'All applications have been generated successfully', lastTransitionTime: at },
        { type: 'ParametersGenerated', status: 'True', reason: 'ParametersGenerated', message: 'Successfully generated parameters for all Applications', lastTransitionTime: at },
        { type: 'ResourcesUpToDate', status: 'True', reason: 'ApplicationSetUpToDate', message: 'All applications have been generated successfully', lastTransitionTime: at },
      ],
      resources: apps.map(a => ({ group: 'argoproj.io', version: 'v1alpha1', kind: 'Application', namespace: this.opts.namespace, name: a.metadata.name, status: 'Synced' })),
    };
    this.opts.store.put(live);
  }

  /** Regenerates every set that reads a repo (called after a commit). */
  reconcileRepo(url: string): void {
    for (const set of this.opts.store.list(ARGO_API_VERSION, 'ApplicationSet', this.opts.namespace)) {
      if ((set.spec as AppSetSpec).generators.some(g => g.git && normalizeRepoUrl(g.git.repoURL) === normalizeRepoUrl(url))) this.reconcile(set);
    }
  }

  start(): void {
    this.unsubscribe = this.opts.store.onChange(e => this.onEvent(e));
  }

  stop(): void {
    this.unsubscribe?.();
  }

  private onEvent(event: StoreEvent): void {
    const obj = event.object;
    if (obj.kind !== 'ApplicationSet' || obj.metadata.namespace !== this.opts.namespace || event.type === 'DELETED') return;
    // Status writes come back here; only a new or changed spec needs generating.
    if (deepEqual(this.generatedFrom.get(obj.metadata.name), obj.spec)) return;
    this.reconcile(structuredClone(obj));
  }

  private render(appSet: KubeObject, spec: AppSetSpec, dir: AppsDirectory): KubeObject {
    const segments = dir.path.split('/');
    const params = { path: { path: dir.path, basename: segments[segments.length - 1], segments } };
    const rendered = renderTemplate(spec.template, params) as AppSetSpec['template'];
    const appSpec = rendered.spec as { syncPolicy?: { automated?: { prune?: boolean; selfHeal?: boolean } } };
    const autoSync = dir.config.autoSync ?? true;
    if (appSpec.syncPolicy) {
      if (autoSync) appSpec.syncPolicy.automated = { prune: dir.config.prune ?? true, selfHeal: dir.config.selfHeal ?? true };
      else delete appSpec.syncPolicy.automated;
    }
    return {
      apiVersion: ARGO_API_VERSION,
      kind: 'Application',
      metadata: {
        name: rendered.metadata.name,
        namespace: this.opts.namespace,
        labels: rendered.metadata.labels,
        finalizers: ['resources-finalizer.argocd.argoproj.io'],
        ownerReferences: [{ apiVersion: ARGO_API_VERSION, kind: 'ApplicationSet', name: appSet.metadata.name, uid: appSet.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }],
      },
      spec: rendered.spec,
    };
  }
}

type Params = { path: { path: string; basename: string; segments: string[] } };

/** Renders the goTemplate expressions SKIP's sets use: `{{.path.path}}`, `{{.path.basename}}`, `{{index .path.segments N}}`. */
export function renderTemplate(value: unknown, params: Params): unknown {
  if (typeof value === 'string') {
    return value.replace(/\{\{\s*(.*?)\s*\}\}/g, (whole, expr: string) => {
      if (expr === '.path.path') return params.path.path;
      if (expr === '.path.basename') return params.path.basename;
      const index = /^index \.path\.segments (\d+)$/.exec(expr);
      if (index) return params.path.segments[Number(index[1])] ?? '';
      return whole;
    });
  }
  if (Array.isArray(value)) return value.map(v => renderTemplate(v, params));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderTemplate(v, params)]));
  }
  return value;
}
