import { KubeConfig, Watch } from '@kubernetes/client-node';
import { setTimeout as sleep } from 'node:timers/promises';
import { runWithDeadline } from '@internal/plugin-skip-node';
import { CachedMetadata } from './kubeTypes';
import { requestListPage } from './requestListPage';

/** A change of one object of the kind. */
export type InformerChange = 'add' | 'update' | 'delete';

export type KindInformerOptions<T extends { metadata: CachedMetadata }> = {
  kubeConfig: KubeConfig;
  /** The collection, e.g. `/api/v1/nodes`. */
  path: string;
  labelSelector?: string;
  /** The slim shape kept of each object; the object as sent is dropped right after. */
  project: (raw: unknown) => T;
  /** Items per list request (`limit`); 500 as client-go's pager. */
  pageSize?: number;
  /** How long one list request may take. */
  pageTimeoutMs?: number;
  /**
   * Poll instead of watch: list (and diff) again this long after each list ends, and open
   * no watch stream. For clusters behind a Connect gateway whose stream quota is spent.
   */
  pollIntervalMs?: number;
  /** `initial` is true for what the first list since start found: what the cluster already held. */
  onChange: (type: InformerChange, object: T, initial: boolean) => void;
  /** The cluster answered: a list page, a watch event or a bookmark. */
  onAnswer: () => void;
  /** A list completed in `pages` requests; the store now mirrors the cluster as of that list. */
  onListed: (pages: number) => void;
  /** Listing or watching failed and the informer stopped; call start() to list again. */
  onError: (error: unknown) => void;
};

/** Thrown inside a cycle to relist: the watch's resourceVersion is too old (410 Gone). */
class Expired extends Error {}

/** An ERROR event in a watch stream carries a Status. */
type WatchStatus = { code?: number; message?: string };

const DEFAULT_PAGE_SIZE = 500;
const DEFAULT_PAGE_TIMEOUT_MS = 60_000;
/** Servers end a watch after this long (randomised up to twice as long), as client-go asks. */
const WATCH_TIMEOUT_SECONDS = 300;
/** A watch that ends sooner than this without news waits this long before the next one. */
const MIN_WATCH_SPACING_MS = 1_000;

const keyOf = (namespace: string | undefined) => namespace ?? '';

/**
 * Keeps one kind of one cluster in memory as slim projections: lists it page by page,
 * then watches from the list's resourceVersion, and
 * relists when the watch's history expired, diffing against the store so a delete that
 * happened while nothing watched is still delivered. In poll mode (`pollIntervalMs`) it
 * only lists, every interval, and the same diff turns each list into add/update/delete.
 *
 * Not client-node's ListWatch: it stores every object exactly as the server sent it
 * (managedFields, last-applied annotations, whole Argo CD resource lists), which at
 * 24,000 apps is most of the backend's memory; here only the projection is kept.
 */
export class KindInformer<T extends { metadata: CachedMetadata }> {
  /** Objects by namespace ('' for cluster-scoped kinds), then name. */
  private readonly store = new Map<string, Map<string, T>>();
  private listedOnce = false;
  /** Bumped by start and stop, so callbacks of an earlier cycle are ignored. */
  private cycle = 0;
  private abort?: AbortController;
  private pollIntervalMs?: number;

  constructor(private readonly options: KindInformerOptions<T>) {
    this.pollIntervalMs = options.pollIntervalMs;
  }

  /** Whether it lists every interval instead of watching. */
  get polling(): boolean {
    return this.pollIntervalMs !== undefined;
  }

  /** A poll-mode informer's new interval; it applies from the next wait on. */
  setPollInterval(ms: number): void {
    if (this.polling) this.pollIntervalMs = ms;
  }

  /** Starts a cycle (list, then watch); ends any running one. */
  start(): void {
    this.abort?.abort();
    const cycle = ++this.cycle;
    const abort = new AbortController();
    this.abort = abort;
    this.run(cycle, abort.signal).catch(error => {
      if (cycle === this.cycle && !abort.signal.aborted) {
        this.options.onError(error);
      }
    });
  }

  stop(): void {
    this.cycle++;
    this.abort?.abort();
  }

  list(namespace?: string): T[] {
    if (namespace !== undefined) {
      return [...(this.store.get(namespace)?.values() ?? [])];
    }
    const all: T[] = [];
    for (const objects of this.store.values()) all.push(...objects.values());
    return all;
  }

  get(namespace: string | undefined, name: string): T | undefined {
    return this.store.get(keyOf(namespace))?.get(name);
  }

  private async run(cycle: number, signal: AbortSignal): Promise<void> {
    while (this.pollIntervalMs !== undefined) {
      await this.relist(cycle, signal);
      await sleep(this.pollIntervalMs, undefined, { signal });
    }
    for (;;) {
      let resourceVersion = await this.relist(cycle, signal);
      let sinceList = 0;
      try {
        for (; ; sinceList++) {
          resourceVersion = await this.watchOnce(
            resourceVersion,
            cycle,
            signal,
          );
        }
      } catch (error) {
        if (!(error instanceof Expired)) throw error;
        // Expired at once from a version just listed: relisting at once would only loop.
        if (sinceList === 0) throw Object.assign(error, { statusCode: 410 });
      }
    }
  }

  /** Lists every page, applies what changed, and answers the list's resourceVersion. */
  private async relist(cycle: number, signal: AbortSignal): Promise<string> {
    const { kubeConfig, path, labelSelector, project } = this.options;
    const pageSize = this.options.pageSize ?? DEFAULT_PAGE_SIZE;
    const timeoutMs = this.options.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
    const seen = new Set<string>();
    const initial = !this.listedOnce;
    let continueToken: string | undefined;
    let restartedAfterExpiry = false;
    let pages = 0;
    for (;;) {
      let page;
      const query = { labelSelector, limit: pageSize, continue: continueToken };
      try {
        page = await runWithDeadline(
          deadline => requestListPage(kubeConfig, path, query, deadline),
          {
            timeoutMs,
            signal,
            onDeadline: () =>
              Object.assign(
                new Error(`GET ${path} timed out after ${timeoutMs} ms`),
                { name: 'TimeoutError' },
              ),
          },
        );
      } catch (error) {
        // A continue token outlives the server's snapshot: start the list over, once.
        if (
          continueToken &&
          !restartedAfterExpiry &&
          (error as { statusCode?: number }).statusCode === 410
        ) {
          restartedAfterExpiry = true;
          continueToken = undefined;
          // What the abandoned pages held proves nothing about the new snapshot: an object
          // deleted meanwhile must not survive the diff.
          seen.clear();
          pages = 0;
          continue;
        }
        throw error;
      }
      if (cycle !== this.cycle) throw signal.reason ?? new Error('stopped');
      pages++;
      this.options.onAnswer();
      for (const raw of page.items) {
        const object = project(raw);
        seen.add(`${keyOf(object.metadata.namespace)}/${object.metadata.name}`);
        this.upsert(object, initial);
      }
      continueToken = page.continueToken;
      if (!continueToken) {
        for (const [namespace, objects] of [...this.store]) {
          for (const [name, object] of [...objects]) {
            if (!seen.has(`${namespace}/${name}`)) this.remove(object);
          }
        }
        this.listedOnce = true;
        this.options.onListed(pages);
        return page.resourceVersion;
      }
    }
  }

  /**
   * Watches from `resourceVersion` until the server ends the stream; answers the last
   * resourceVersion seen, throws {@link Expired} when the history no longer reaches back.
   */
  private watchOnce(
    resourceVersion: string,
    cycle: number,
    signal: AbortSignal,
  ): Promise<string> {
    const { kubeConfig, path, labelSelector, project } = this.options;
    const openedAt = Date.now();
    let latest = resourceVersion;
    let news = false;
    let failure: WatchStatus | undefined;
    return new Promise<string>((resolve, reject) => {
      let established = false;
      const watch: { opening?: Promise<AbortController> } = {};
      const abortWatch = () => {
        watch.opening?.then(controller => controller.abort()).catch(() => {});
      };
      const onEvent = (phase: string, object: any) => {
        if (cycle !== this.cycle) return;
        if (phase === 'ERROR') {
          failure = object ?? {};
          return;
        }
        news = true;
        this.options.onAnswer();
        const version = object?.metadata?.resourceVersion;
        if (typeof version === 'string' && version) latest = version;
        if (phase === 'ADDED' || phase === 'MODIFIED') {
          this.upsert(project(object), false);
        } else if (phase === 'DELETED') {
          const projected = project(object);
          const stored = this.get(
            projected.metadata.namespace,
            projected.metadata.name,
          );
          if (stored) this.remove(projected);
        }
      };
      const onDone = (error: unknown) => {
        signal.removeEventListener('abort', abortWatch);
        if (failure?.code === 410) {
          reject(new Expired(failure.message));
        } else if (failure) {
          reject(
            Object.assign(
              new Error(`Watch of ${path} failed: ${failure.message ?? ''}`),
              { statusCode: failure.code },
            ),
          );
        } else if (
          error &&
          !(established && (error as Error).name === 'TimeoutError')
        ) {
          reject(error);
        } else {
          // Ended by the server, or quiet past client-node's inactivity limit: watch on.
          const quick = !news && Date.now() - openedAt < MIN_WATCH_SPACING_MS;
          const next = () => resolve(latest);
          if (quick)
            sleep(MIN_WATCH_SPACING_MS, undefined, { signal }).then(
              next,
              reject,
            );
          else next();
        }
      };
      watch.opening = new Watch(kubeConfig).watch(
        path,
        {
          resourceVersion,
          allowWatchBookmarks: true,
          labelSelector,
          timeoutSeconds: Math.round(
            WATCH_TIMEOUT_SECONDS * (1 + Math.random()),
          ),
        },
        onEvent,
        onDone,
      );
      signal.addEventListener('abort', abortWatch, { once: true });
      watch.opening.then(() => {
        established = true;
      }, reject);
    });
  }

  private upsert(object: T, initial: boolean) {
    const { namespace, name } = object.metadata;
    let objects = this.store.get(keyOf(namespace));
    if (!objects) this.store.set(keyOf(namespace), (objects = new Map()));
    const before = objects.get(name);
    if (
      before &&
      before.metadata.resourceVersion === object.metadata.resourceVersion
    ) {
      return;
    }
    objects.set(name, object);
    this.options.onChange(before ? 'update' : 'add', object, initial);
  }

  private remove(object: T) {
    const { namespace, name } = object.metadata;
    const objects = this.store.get(keyOf(namespace));
    if (!objects?.delete(name)) return;
    if (objects.size === 0) this.store.delete(keyOf(namespace));
    this.options.onChange('delete', object, false);
  }
}
