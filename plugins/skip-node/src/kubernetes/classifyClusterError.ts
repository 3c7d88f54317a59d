import type { ClusterErrorCategory } from '@internal/plugin-skip-common';

/** What a failed cluster call was, for the answer (category, HTTP status) and for the log (detail). */
export type ClassifiedClusterError = {
  category: ClusterErrorCategory;
  /** The HTTP status the cluster answered with, when it answered. */
  status?: number;
  /** Everything known, for the backend log only: it may hold addresses and account names. */
  detail: string;
};

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const CATEGORY_BY_STATUS: Record<number, ClusterErrorCategory> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'kind-not-served',
  408: 'timed-out',
  504: 'timed-out',
};

function statusOf(error: any): number | undefined {
  for (const value of [
    error?.code,
    error?.statusCode,
    error?.response?.status,
  ]) {
    if (typeof value === 'number' && value >= 100 && value < 600) return value;
  }
  return undefined;
}

/**
 * Sorts a client-node or network failure into a {@link ClusterErrorCategory}. The one
 * classifier every SKIP backend plugin uses for cluster calls and watches.
 */
export function classifyClusterError(error: unknown): ClassifiedClusterError {
  const e = error as any;
  const detail = [
    e?.message ?? String(error),
    e?.cause?.code,
    e?.cause?.message,
  ]
    .filter(Boolean)
    .join(' | ');
  const status = statusOf(e);
  if (status !== undefined) {
    return { category: CATEGORY_BY_STATUS[status] ?? 'failed', status, detail };
  }
  const code: string | undefined = e?.cause?.code ?? e?.code;
  if (
    e?.name === 'AbortError' ||
    e?.name === 'TimeoutError' ||
    code === 'ETIMEDOUT' ||
    code === 'UND_ERR_HEADERS_TIMEOUT'
  ) {
    return { category: 'timed-out', detail };
  }
  if (
    (code && NETWORK_CODES.has(code)) ||
    /socket hang up|ECONNREFUSED|ECONNRESET|fetch failed/i.test(detail)
  ) {
    return { category: 'unreachable', detail };
  }
  return { category: 'failed', detail };
}
