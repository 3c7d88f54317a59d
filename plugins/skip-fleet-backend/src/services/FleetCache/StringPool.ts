/**
 * Hands out one copy of each string it has seen, so the same name, namespace, status or
 * message held by thousands of cached objects is stored once: V8 keeps a separate copy of
 * every string JSON.parse makes (except the shortest). Bounded: when full it starts over,
 * which only forgoes sharing for later strings, since the cached objects keep theirs alive.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  constructor(
    private readonly capacity = 200_000,
    /** Longer strings are rarely repeated (messages with ids in them); not worth a slot. */
    private readonly maxLength = 256,
  ) {}

  intern(value: string): string {
    if (value.length > this.maxLength) return value;
    const pooled = this.strings.get(value);
    if (pooled !== undefined) return pooled;
    if (this.strings.size >= this.capacity) this.strings.clear();
    this.strings.set(value, value);
    return value;
  }
}
