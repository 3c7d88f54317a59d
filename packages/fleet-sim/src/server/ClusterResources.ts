import { randomBytes } from 'node:crypto';
import { CustomResourceAdmission } from '../crd/CustomResourceAdmission';
import { ObjectStore } from '../store/ObjectStore';
import { PodLogs } from '../store/PodLogs';
import { deepEqual } from '../store/deepEqual';
import { KubeObject } from '../store/types';
import {
  alreadyExists,
  badRequest,
  conflict,
  invalid,
  KubeStatusError,
  notFound,
  qualifiedResource,
} from './KubeStatusError';
import { recordUpdate, serverSideApply } from './managedFields';
import { jsonMergePatch, jsonPatch, strategicMergePatch } from './patches';
import { admitRbac } from './rbacAdmission';
import { apiVersionOf, ResourceRegistry, ResourceType } from './resources';
import { Selector } from './selectors';

/** Options every write takes. */
export type WriteOptions = { fieldManager?: string; dryRun?: boolean; subresource?: string };

/** The patch flavours PATCH accepts, by Content-Type. */
export type PatchType = 'apply' | 'merge' | 'json' | 'strategic';

/** A page of a list: the items and, when more remain, the continue token. */
export type ListPage = { items: KubeObject[]; resourceVersion: string; continueToken?: string; remainingItemCount?: number };

const NAMESPACE_TYPE = { apiVersion: 'v1', kind: 'Namespace' };

function now(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

function encodeContinue(key: string, rv: string): string {
  return Buffer.from(JSON.stringify({ k: key, rv })).toString('base64url');
}

function decodeContinue(token: string): { k: string } {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed?.k === 'string') return parsed;
  } catch {
    // fall through
  }
  throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
}

const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/**
 * The API semantics on top of one cluster's ObjectStore: create with AlreadyExists, update with the
 * resourceVersion check, the patch flavours, server-side apply, delete with finalizers, owner
 * garbage collection and namespace cascade. HTTP-agnostic; errors are KubeStatusError.
 */
export class ClusterResources {
  constructor(
    readonly store: ObjectStore,
    readonly logs: PodLogs,
    readonly registry: ResourceRegistry,
    private readonly customResources = new CustomResourceAdmission(),
  ) {}

  /**
   * The object as served at the type's version (objects are stored per group, not version), with
   * its CRD's defaults applied as a real server applies them on read.
   */
  present(type: ResourceType, obj: KubeObject): KubeObject {
    const apiVersion = apiVersionOf(type);
    const served = this.customResources.present(type, obj);
    return served.apiVersion === apiVersion ? served : { ...served, apiVersion };
  }

  /** GET of one object. */
  get(type: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const obj = this.store.peek(apiVersionOf(type), type.kind, namespace, name);
    if (!obj) throw notFound(type.resource, type.group, name);
    return this.present(type, obj);
  }

  /** Every object matching the selectors, for lists and watches' initial events. */
  select(type: ResourceType, namespace: string | undefined, selectors: Selector[]): KubeObject[] {
    return this.store
      .scan(apiVersionOf(type), type.kind, namespace)
      .filter(o => selectors.every(s => s(o)))
      .map(o => this.present(type, o));
  }

  /** A list page honouring limit/continue. */
  list(type: ResourceType, namespace: string | undefined, selectors: Selector[], limit?: number, continueToken?: string): ListPage {
    const resourceVersion = this.store.currentResourceVersion();
    let items = this.select(type, namespace, selectors);
    if (continueToken) {
      const after = decodeContinue(continueToken).k;
      items = items.filter(o => keyOf(o) > after);
    }
    if (limit && limit > 0 && items.length > limit) {
      const page = items.slice(0, limit);
      return {
        items: page,
        resourceVersion,
        continueToken: encodeContinue(keyOf(page[page.length - 1]), resourceVersion),
        remainingItemCount: items.length - limit,
      };
    }
    return { items, resourceVersion };
  }

  /** POST: 409 AlreadyExists when taken, 404 when the namespace does not exist. */
  create(type: ResourceType, namespace: string | undefined, body: KubeObject, opts: WriteOptions): KubeObject {
    const obj = this.normalise(type, namespace, body);
    const meta = obj.metadata;
    if (!meta.name && typeof meta.generateName === 'string' && meta.generateName) {
      meta.name = `${meta.generateName}${randomBytes(4).toString('hex').slice(0, 5)}`;
    }
    if (!meta.name) {
      throw invalid(type.kind, type.group, '', [
        { reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' },
      ]);
    }
    if (meta.resourceVersion) {
      throw new KubeStatusError(500, 'resourceVersion should not be set on objects to be created', 'InternalError');
    }
    this.requireNamespace(type, namespace);
    if (this.store.peek(obj.apiVersion, obj.kind, namespace, meta.name)) {
      throw alreadyExists(type.resource, type.group, meta.name);
    }
    delete meta.uid;
    delete meta.creationTimestamp;
    delete meta.deletionTimestamp;
    delete meta.managedFields;
    if (type.kind === 'Namespace' && type.group === '') {
      obj.status = { phase: 'Active' };
    }
    this.customResources.admit(type, obj);
    admitRbac(type, obj);
    const tracked = recordUpdate({ existing: undefined, updated: obj, manager: opts.fieldManager ?? 'unknown', apiVersion: obj.apiVersion });
    return this.write(type, tracked, opts);
  }

  /** PUT: 404 when missing, 409 Conflict when the body's resourceVersion is stale. */
  update(type: ResourceType, namespace: string | undefined, name: string, body: KubeObject, opts: WriteOptions): KubeObject {
    const obj = this.normalise(type, namespace, body);
    if (obj.metadata.name !== name) {
      throw badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`);
    }
    const existing = this.store.peek(obj.apiVersion, obj.kind, namespace, name);
    if (!existing) throw notFound(type.resource, type.group, name);
    if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== existing.metadata.resourceVersion) {
      throw conflict(type.resource, type.group, name);
    }
    return this.replace(type, existing, obj, opts);
  }

  /** PATCH in any flavour; apply creates a missing object. */
  patch(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    patchType: PatchType,
    body: unknown,
    opts: WriteOptions & { force?: boolean },
  ): { object: KubeObject; created: boolean } {
    if (patchType !== 'apply' && opts.force) {
      throw invalid('PatchOptions', 'meta.k8s.io', '', [
        { reason: 'FieldValueForbidden', message: 'Forbidden: may not be specified for non-apply patch', field: 'force' },
      ]);
    }
    const apiVersion = apiVersionOf(type);
    const existing = this.store.peek(apiVersion, type.kind, namespace, name);
    if (patchType === 'apply') {
      if (!opts.fieldManager) {
        throw invalid('PatchOptions', 'meta.k8s.io', '', [
          { reason: 'FieldValueRequired', message: 'Required value: is required for apply patch', field: 'fieldManager' },
        ]);
      }
      const config = this.normalise(type, namespace, body as KubeObject);
      if (config.metadata.name && config.metadata.name !== name) {
        throw badRequest(`the name of the object (${config.metadata.name}) does not match the name on the URL (${name})`);
      }
      config.metadata.name = name;
      // A resourceVersion in the applied configuration is a precondition, as on a real API server.
      const applyRv = config.metadata.resourceVersion;
      if (applyRv && applyRv !== existing?.metadata.resourceVersion) throw conflict(type.resource, type.group, name);
      delete config.metadata.resourceVersion;
      if (!existing) this.requireNamespace(type, namespace);
      const applied = serverSideApply({
        existing: existing && this.present(type, existing),
        config,
        manager: opts.fieldManager,
        force: !!opts.force,
        apiVersion,
        subresource: opts.subresource,
      });
      if (!existing) {
        if (type.kind === 'Namespace' && type.group === '') applied.status = { phase: 'Active', ...(applied.status as object) };
        this.customResources.admit(type, applied);
        admitRbac(type, applied);
        return { object: this.write(type, applied, opts), created: true };
      }
      return { object: this.replace(type, existing, applied, opts, false), created: false };
    }
    if (!existing) throw notFound(type.resource, type.group, name);
    const current = this.present(type, existing);
    let patched: unknown;
    if (patchType === 'merge') patched = jsonMergePatch(current, body);
    else if (patchType === 'strategic') patched = strategicMergePatch(current, body);
    else patched = jsonPatch(current, body);
    const obj = patched as KubeObject;
    if (typeof obj !== 'object' || obj === null || typeof obj.metadata !== 'object' || obj.metadata === null) {
      throw badRequest('the patch removed the object metadata');
    }
    const patchRv = (body as KubeObject | undefined)?.metadata?.resourceVersion;
    if (patchType !== 'json' && patchRv && patchRv !== existing.metadata.resourceVersion) {
      throw conflict(type.resource, type.group, name);
    }
    obj.metadata.name = name;
    obj.metadata.namespace = namespace;
    obj.apiVersion = apiVersion;
    obj.kind = type.kind;
    return { object: this.replace(type, existing, obj, opts), created: false };
  }

  /**
   * DELETE: an object with finalizers only gets a deletionTimestamp; otherwise it goes, with its
   * dependents (unless orphaned) and, for a namespace, everything in it.
   */
  delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    opts: { dryRun?: boolean; propagationPolicy?: string; preconditionUid?: string; preconditionResourceVersion?: string },
  ): { object: KubeObject; pending: boolean } {
    const apiVersion = apiVersionOf(type);
    const existing = this.store.peek(apiVersion, type.kind, namespace, name);
    if (!existing) throw notFound(type.resource, type.group, name);
    // As rest.BeforeDelete words it: the conflict names the kind, not the resource.
    const preconditionFailed = (what: string, wanted: string, actual: string | undefined, hint: string) =>
      new KubeStatusError(
        409,
        `Operation cannot be fulfilled on ${qualifiedResource(type.kind, type.group)} "${name}": the ${what} in the precondition (${wanted}) does not match the ${what} in record (${actual ?? ''}). ${hint}`,
        'Conflict',
        { name, ...(type.group ? { group: type.group } : {}), kind: type.kind },
      );
    if (opts.preconditionUid && opts.preconditionUid !== existing.metadata.uid) {
      throw preconditionFailed('UID', opts.preconditionUid, existing.metadata.uid, 'The object might have been deleted and then recreated');
    }
    if (opts.preconditionResourceVersion && opts.preconditionResourceVersion !== existing.metadata.resourceVersion) {
      throw preconditionFailed('ResourceVersion', opts.preconditionResourceVersion, existing.metadata.resourceVersion, 'The object might have been modified');
    }
    if (opts.dryRun) return { object: this.present(type, existing), pending: false };
    if (existing.metadata.finalizers?.length) {
      if (existing.metadata.deletionTimestamp) return { object: this.present(type, existing), pending: true };
      const marked = structuredClone(existing);
      marked.metadata.deletionTimestamp = now();
      marked.metadata.deletionGracePeriodSeconds = 0;
      return { object: this.present(type, this.store.put(marked)), pending: true };
    }
    const removed = this.store.remove(apiVersion, type.kind, namespace, name) ?? existing;
    this.afterRemoval(removed, opts.propagationPolicy);
    return { object: this.present(type, removed), pending: false };
  }

  private afterRemoval(removed: KubeObject, propagationPolicy: string | undefined): void {
    if (removed.kind === 'Pod' && removed.metadata.namespace) {
      this.logs.removePod(removed.metadata.namespace, removed.metadata.name);
    }
    const isNamespace = removed.kind === 'Namespace' && removed.apiVersion === 'v1';
    if (!isNamespace && propagationPolicy === 'Orphan') return;
    const doomed: KubeObject[] = [];
    for (const obj of this.store.all()) {
      if (isNamespace && obj.metadata.namespace === removed.metadata.name) doomed.push(obj);
      else if (obj.metadata.ownerReferences?.some(r => r.uid === removed.metadata.uid)) doomed.push(obj);
    }
    for (const obj of doomed) {
      const current = this.store.peek(obj.apiVersion, obj.kind, obj.metadata.namespace, obj.metadata.name);
      if (!current) continue;
      if (current.metadata.finalizers?.length) {
        if (!current.metadata.deletionTimestamp) {
          this.store.put({ ...current, metadata: { ...current.metadata, deletionTimestamp: now() } });
        }
        continue;
      }
      const gone = this.store.remove(obj.apiVersion, obj.kind, obj.metadata.namespace, obj.metadata.name);
      if (gone) this.afterRemoval(gone, propagationPolicy);
    }
  }

  private replace(type: ResourceType, existing: KubeObject, incoming: KubeObject, opts: WriteOptions, track = true): KubeObject {
    let next = incoming;
    if (type.status && opts.subresource === 'status') {
      // With a status subresource, /status writes change only status ...
      next = { ...structuredClone(existing), apiVersion: incoming.apiVersion, status: incoming.status };
      if (!track) next.metadata.managedFields = incoming.metadata.managedFields;
    } else if (type.status) {
      // ... and main-resource writes keep it.
      if (existing.status === undefined) delete next.status;
      else next.status = structuredClone(existing.status);
    }
    this.customResources.admit(type, next);
    admitRbac(type, next, existing);
    next.metadata.uid = existing.metadata.uid;
    next.metadata.creationTimestamp = existing.metadata.creationTimestamp;
    next.metadata.resourceVersion = existing.metadata.resourceVersion;
    if (existing.metadata.deletionTimestamp) next.metadata.deletionTimestamp = existing.metadata.deletionTimestamp;
    else delete next.metadata.deletionTimestamp;
    const tracked = track
      ? recordUpdate({ existing, updated: next, manager: opts.fieldManager ?? 'unknown', apiVersion: apiVersionOf(type), subresource: opts.subresource })
      : next;
    // Against the existing object as served, so a write that only restates CRD defaults is a no-op;
    // managedFields timestamps do not count (kube-apiserver's IgnoreManagedFieldsTimestampsTransformer).
    const comparable = (o: KubeObject) => ({
      ...o,
      apiVersion: undefined,
      metadata: {
        ...o.metadata,
        generation: undefined,
        managedFields: (o.metadata.managedFields as Record<string, unknown>[] | undefined)?.map(e => ({ ...e, time: undefined })),
      },
    });
    if (deepEqual(comparable(tracked), comparable(this.present(type, existing)))) return this.present(type, existing);
    const written = this.write(type, tracked, opts);
    if (!opts.dryRun && !this.store.peek(written.apiVersion, written.kind, written.metadata.namespace, written.metadata.name)) {
      // The last finalizer went while a deletion was pending: the store removed the object.
      this.afterRemoval(written, undefined);
    }
    return written;
  }

  private write(type: ResourceType, obj: KubeObject, opts: WriteOptions): KubeObject {
    if (opts.dryRun) {
      const preview = structuredClone(obj);
      preview.metadata.uid = preview.metadata.uid ?? 'dry-run';
      preview.metadata.creationTimestamp = preview.metadata.creationTimestamp ?? now();
      return this.present(type, preview);
    }
    return this.present(type, this.store.put(obj));
  }

  private requireNamespace(type: ResourceType, namespace: string | undefined): void {
    if (!type.namespaced || !namespace) return;
    if (!this.store.peek(NAMESPACE_TYPE.apiVersion, NAMESPACE_TYPE.kind, undefined, namespace)) {
      throw notFound('namespaces', '', namespace);
    }
  }

  private normalise(type: ResourceType, namespace: string | undefined, body: KubeObject): KubeObject {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw badRequest('the body of the request must be an object');
    }
    const obj = structuredClone(body);
    if (obj.kind && obj.kind !== type.kind) {
      throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${apiVersionOf(type)}) or kind ${obj.kind} is not ${type.kind}`);
    }
    obj.apiVersion = apiVersionOf(type);
    obj.kind = type.kind;
    obj.metadata = { ...(obj.metadata ?? {}) } as KubeObject['metadata'];
    if (type.namespaced) {
      if (obj.metadata.namespace && namespace && obj.metadata.namespace !== namespace) {
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      obj.metadata.namespace = namespace;
    } else {
      delete obj.metadata.namespace;
    }
    return obj;
  }
}
