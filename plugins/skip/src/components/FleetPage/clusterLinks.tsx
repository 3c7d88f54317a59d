import { Link } from '@backstage/core-components';
import { BreakableName } from '@internal/plugin-skip-react';

/**
 * The path of a cluster's page, relative to the SKIP page the fleet and cluster pages
 * are routed under (`/skip/clusters/<name>`).
 */
export function clusterPagePath(cluster: string, fromClusterPage = false) {
  const path = `clusters/${encodeURIComponent(cluster)}`;
  // Relative to the URL path: a cluster page is at clusters/<name>, two segments below the SKIP page.
  return fromClusterPage ? `../../${path}` : path;
}

/** Props of {@link ClusterLink}. */
export type ClusterLinkProps = { cluster: string; fromClusterPage?: boolean };

/** A cluster's name, linking to its page. */
export function ClusterLink(props: ClusterLinkProps) {
  return (
    <Link
      to={clusterPagePath(props.cluster, props.fromClusterPage)}
      relative="path"
    >
      <BreakableName name={props.cluster} />
    </Link>
  );
}
