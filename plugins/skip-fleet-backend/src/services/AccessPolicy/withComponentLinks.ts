import type { AccessPeer } from '@internal/plugin-skip-common';
import type { ResolvedAccessPolicy } from './resolveAccessPolicy';

/** The catalog component of each app, keyed `<namespace>/<name>`. */
export type ComponentRefs = Map<string, string>;

/** Every app a resolved policy names, once each, for one catalog lookup. */
export function namedApps(policy: ResolvedAccessPolicy) {
  const apps = new Map<string, { namespace: string; name: string }>();
  const peers = [
    ...policy.inbound.flatMap(rule => rule.peers),
    ...policy.outbound.flatMap(rule => rule.peers),
    ...policy.blockedCallers,
  ];
  for (const { namespace, name } of peers) {
    apps.set(`${namespace}/${name}`, { namespace, name });
  }
  return [...apps.values()];
}

/** The policy with each app it names linked to the component that claims it, where one does. */
export function withComponentLinks(
  policy: ResolvedAccessPolicy,
  refs: ComponentRefs,
): ResolvedAccessPolicy {
  const link = <T extends AccessPeer>(peer: T): T => {
    const entityRef = refs.get(`${peer.namespace}/${peer.name}`);
    return entityRef ? { ...peer, entityRef } : peer;
  };
  return {
    inbound: policy.inbound.map(rule => ({
      ...rule,
      peers: rule.peers.map(link),
    })),
    outbound: policy.outbound.map(rule => ({
      ...rule,
      peers: rule.peers.map(link),
    })),
    external: policy.external,
    blockedCallers: policy.blockedCallers.map(link),
  };
}
