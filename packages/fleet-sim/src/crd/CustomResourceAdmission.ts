import { invalid } from '../server/KubeStatusError';
import { KubeObject } from '../store/types';
import { CrdSchemas } from './CrdSchemas';
import { pruneAndDefault } from './structuralSchema';
import { validateCustomResource } from './validateStructural';

/** The group/version/kind a custom resource is written or read at. */
export type CustomResourceType = { group: string; version: string; kind: string };

/**
 * What kube-apiserver does with a custom resource whose CRD has a structural schema: on every write
 * (create, update, patch, apply, /status) it prunes unknown fields, applies defaults and validates,
 * refusing with 422 Invalid; on every read it applies defaults again, so objects stored before a
 * default existed (here: the world's controllers, which write to the store directly) are served as
 * a real server would serve them. Kinds without a vendored CRD pass through untouched.
 */
export class CustomResourceAdmission {
  // Read-time defaulting is cached per stored object: the store replaces an object on every write,
  // so a cached entry can never be stale, and lists of thousands of apps stay cheap.
  private readonly readCache = new Map<string, WeakMap<KubeObject, KubeObject>>();

  constructor(private readonly schemas: CrdSchemas = CrdSchemas.vendored()) {}

  /** Prunes, defaults and validates `obj` in place; throws a 422 Invalid KubeStatusError naming the fields. */
  admit(type: CustomResourceType, obj: KubeObject): KubeObject {
    const crd = this.schemas.schemaFor(type.group, type.version, type.kind);
    if (!crd) return obj;
    pruneAndDefault(obj, crd.schema);
    const causes = validateCustomResource(obj, crd.schema);
    if (causes.length) throw invalid(type.kind, type.group, obj.metadata?.name ?? '', causes);
    return obj;
  }

  /** `obj` as served at `type`: with its schema's defaults applied and unknown fields pruned. */
  present(type: CustomResourceType, obj: KubeObject): KubeObject {
    const crd = this.schemas.schemaFor(type.group, type.version, type.kind);
    if (!crd) return obj;
    const key = `${type.group}/${type.version}/${type.kind}`;
    let cache = this.readCache.get(key);
    if (!cache) {
      cache = new WeakMap();
      this.readCache.set(key, cache);
    }
    let served = cache.get(obj);
    if (!served) {
      served = structuredClone(obj);
      pruneAndDefault(served, crd.schema);
      cache.set(obj, served);
    }
    return served;
  }
}
