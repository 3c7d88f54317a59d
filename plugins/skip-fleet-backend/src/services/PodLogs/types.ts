import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Readable } from 'node:stream';
import type { PodLogQuery, PodRef } from '@internal/plugin-skip-common';

/** A pod's log, read once or followed (owning team and platform team only). */
export interface PodLogs {
  /** `signal` aborts the cluster read when the caller stops waiting. */
  read(
    ref: PodRef,
    query: PodLogQuery,
    credentials: BackstageCredentials,
    signal?: AbortSignal,
  ): Promise<string>;
  /**
   * Opens a followed log. Rejects with a Backstage error while nothing has been streamed
   * (so the caller still answers 4xx/5xx); once open, the stream ends when `signal`
   * aborts or the cluster ends it, and a cluster failure mid-stream becomes a last line.
   */
  follow(
    ref: PodRef,
    query: PodLogQuery,
    credentials: BackstageCredentials,
    signal: AbortSignal,
  ): Promise<Readable>;
}
