/**
 * A map from a key to a set of entries (each under its own id), that drops a key when its
 * last entry goes, so indexes over churning names do not grow without bound.
 */
export class IndexMap<V> {
  private readonly map = new Map<string, Map<string, V>>();

  add(key: string, id: string, value: V): void {
    let entries = this.map.get(key);
    if (!entries) this.map.set(key, (entries = new Map()));
    entries.set(id, value);
  }

  remove(key: string, id: string): void {
    const entries = this.map.get(key);
    if (!entries) return;
    entries.delete(id);
    if (entries.size === 0) this.map.delete(key);
  }

  values(key: string): V[] {
    return [...(this.map.get(key)?.values() ?? [])];
  }

  size(key: string): number {
    return this.map.get(key)?.size ?? 0;
  }

  /** The entry with the smallest id, so a choice between several is the same on every replica. */
  first(key: string): V | undefined {
    const entries = this.map.get(key);
    if (!entries) return undefined;
    const [id] = [...entries.keys()].sort();
    return id === undefined ? undefined : entries.get(id);
  }
}
