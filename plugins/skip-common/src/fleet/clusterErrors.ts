import { z } from 'zod';

/**
 * Why a cluster could not answer, in categories a user can act on. Addresses, account
 * names and stack traces stay in the backend log.
 */
export const clusterErrorCategorySchema = z.enum([
  'unreachable',
  'timed-out',
  'unauthorized',
  'forbidden',
  'kind-not-served',
  'failed',
]);
export type ClusterErrorCategory = z.infer<typeof clusterErrorCategorySchema>;

const SENTENCES: Record<ClusterErrorCategory, string> = {
  unreachable: 'cannot be reached',
  'timed-out': 'did not answer in time',
  unauthorized: "does not accept the portal's credentials",
  forbidden: 'does not let the portal read this',
  'kind-not-served': 'does not serve this kind (is its CRD installed?)',
  failed: 'answered with an error',
};

/** The words the UI and error answers use for a category, e.g. "cannot be reached". */
export function describeClusterErrorCategory(
  category: ClusterErrorCategory,
): string {
  return SENTENCES[category];
}
