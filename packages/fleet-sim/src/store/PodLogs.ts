type Stream = { lines: string[]; previous?: string[]; followers: Set<(line: string) => void> };

/** Options for reading a container's log. */
export type PodLogReadOptions = { tailLines?: number; previous?: boolean };

/**
 * Log lines per namespace/pod/container, written by the world's controllers and served on
 * pods/log. Each container keeps its last `maxLines` lines.
 */
export class PodLogs {
  private readonly streams = new Map<string, Stream>();

  constructor(private readonly maxLines = 5000) {}

  /** Appends one line (without its trailing newline) and hands it to followers. */
  append(namespace: string, pod: string, container: string, line: string): void {
    const stream = this.stream(namespace, pod, container);
    stream.lines.push(line);
    if (stream.lines.length > this.maxLines + 256) {
      stream.lines.splice(0, stream.lines.length - this.maxLines);
    }
    for (const follower of [...stream.followers]) follower(line);
  }

  /** The last `tailLines` lines (all when unset); `previous` reads the container's previous run. */
  read(namespace: string, pod: string, container: string, opts: PodLogReadOptions = {}): string[] {
    const stream = this.streams.get(key(namespace, pod, container));
    const lines = (opts.previous ? stream?.previous : stream?.lines) ?? [];
    const tail = opts.tailLines;
    if (tail === undefined || tail < 0) return [...lines];
    return tail === 0 ? [] : lines.slice(-tail);
  }

  /** Whether the container has a previous run's log (a restart happened). */
  hasPrevious(namespace: string, pod: string, container: string): boolean {
    return this.streams.get(key(namespace, pod, container))?.previous !== undefined;
  }

  /** Calls `onLine` for every line appended from now on; returns the unsubscribe function. */
  follow(namespace: string, pod: string, container: string, onLine: (line: string) => void): () => void {
    const stream = this.stream(namespace, pod, container);
    stream.followers.add(onLine);
    return () => {
      stream.followers.delete(onLine);
    };
  }

  /** How many clients follow the container's log right now (a client that went away no longer counts). */
  followers(namespace: string, pod: string, container: string): number {
    return this.streams.get(key(namespace, pod, container))?.followers.size ?? 0;
  }

  /** Simulates a container restart: the current log becomes the previous one. */
  restart(namespace: string, pod: string, container: string): void {
    const stream = this.stream(namespace, pod, container);
    stream.previous = stream.lines;
    stream.lines = [];
  }

  /** Forgets every container log of a pod (the pod was deleted). */
  removePod(namespace: string, pod: string): void {
    const prefix = `${namespace}/${pod}/`;
    for (const k of [...this.streams.keys()]) {
      if (k.startsWith(prefix)) this.streams.delete(k);
    }
  }

  private stream(namespace: string, pod: string, container: string): Stream {
    const k = key(namespace, pod, container);
    let stream = this.streams.get(k);
    if (!stream) {
      stream = { lines: [], followers: new Set() };
      this.streams.set(k, stream);
    }
    return stream;
  }
}

function key(namespace: string, pod: string, container: string): string {
  return `${namespace}/${pod}/${container}`;
}
