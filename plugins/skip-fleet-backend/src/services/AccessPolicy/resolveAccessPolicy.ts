import type {
  AccessPeer,
  AccessProblem,
  AppAccessPolicy,
  ExternalAccessRule,
  Health,
  InternalAccessRule,
} from '@internal/plugin-skip-common';
import {
  AppName,
  describeScope,
  NamespaceLabels,
  RuleScope,
  ruleNames,
  scopeOf,
} from './ruleMatching';
import type {
  SkiperatorAccessPolicy,
  SkiperatorExternalRule,
  SkiperatorInternalRule,
} from './skiperatorAccessPolicy';

/** An app of the cluster with its access policy (none when its spec has none). */
export type ClusterApp = AppName & { accessPolicy?: SkiperatorAccessPolicy };

/** What resolving needs to know of the one cluster the app runs on. */
export type ClusterPicture = {
  cluster: string;
  apps: ReadonlyArray<ClusterApp>;
  labelsOf: NamespaceLabels;
  healthOf: (app: AppName) => Health;
};

/** The rule lists of an app's access policy, each rule resolved to the apps it names. */
export type ResolvedAccessPolicy = Pick<
  AppAccessPolicy,
  'inbound' | 'outbound' | 'external' | 'blockedCallers'
>;

type Direction = 'inbound' | 'outbound';

/** Skiperator allows HTTPS on 443 to an external host whose rule lists no ports. */
const DEFAULT_EXTERNAL_PORTS = [
  { name: 'https', port: 443, protocol: 'HTTPS' },
];

const suggestedRule = (app: AppName) =>
  `{ application: ${app.name}, namespace: ${app.namespace} }`;
const nameOf = (app: AppName) => `'${app.name}' (namespace ${app.namespace})`;
const byNamespaceAndName = (a: AppName, b: AppName) =>
  a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);

/**
 * Resolves an app's Skiperator accessPolicy against the apps of its cluster: each in-cluster
 * rule to the apps it names, with rules that name no app and traffic the other side does not
 * allow (both sides must, since each app's NetworkPolicy denies everything else) flagged in
 * plain words; external hosts with the ports Skiperator opens; and the apps whose outbound
 * rules name this app although it does not let them in.
 */
export function resolveAccessPolicy(
  self: ClusterApp,
  picture: ClusterPicture,
): ResolvedAccessPolicy {
  const { cluster, labelsOf, healthOf } = picture;
  const byName = new Map<string, ClusterApp[]>();
  for (const app of picture.apps) {
    byName.set(app.name, [...(byName.get(app.name) ?? []), app]);
  }
  const policy = self.accessPolicy;

  /** Whether the peer's own rules allow the traffic a rule of `self` allows in `direction`. */
  const reciprocates = (peer: ClusterApp, direction: Direction) => {
    const theirs =
      direction === 'outbound'
        ? peer.accessPolicy?.inbound?.rules
        : peer.accessPolicy?.outbound?.rules;
    return (theirs ?? []).some(rule =>
      ruleNames(rule, peer.namespace, self, labelsOf),
    );
  };

  const noSuchApp = (
    rule: SkiperatorInternalRule,
    scope: RuleScope,
    direction: Direction,
  ): AccessProblem => {
    const effect =
      direction === 'outbound'
        ? 'this rule lets this app call nothing'
        : 'this rule lets no app in';
    const elsewhere = (byName.get(rule.application) ?? [])
      .map(app => `'${app.namespace}'`)
      .slice(0, 3);
    const hint = elsewhere.length
      ? ` An app named '${rule.application}' runs in namespace ${elsewhere.join(
          ', ',
        )}: did you mean that namespace?`
      : '';
    return {
      kind: 'noSuchApp',
      message: `No app named '${rule.application}' runs in ${describeScope(
        scope,
      )} on ${cluster}, so ${effect}.${hint}`,
    };
  };

  const oneSided = (app: AppName, direction: Direction): AccessProblem => {
    const peer = { namespace: app.namespace, name: app.name };
    return direction === 'outbound'
      ? {
          kind: 'oneSided',
          peer,
          missingSide: 'inbound',
          message: `${nameOf(
            peer,
          )} does not allow calls from this app: its accessPolicy.inbound.rules do not name it, so these calls are denied. Add ${suggestedRule(
            self,
          )} to its inbound rules.`,
        }
      : {
          kind: 'oneSided',
          peer,
          missingSide: 'outbound',
          message: `${nameOf(
            peer,
          )} does not list this app in its accessPolicy.outbound.rules, so its calls are blocked on its own side. Add ${suggestedRule(
            self,
          )} to its outbound rules.`,
        };
  };

  const resolveRule = (
    rule: SkiperatorInternalRule,
    direction: Direction,
  ): InternalAccessRule => {
    const scope = scopeOf(rule, self.namespace);
    const targets = (byName.get(rule.application) ?? [])
      .filter(app => ruleNames(rule, self.namespace, app, labelsOf))
      .sort(byNamespaceAndName);
    const peers: AccessPeer[] = targets.map(app => ({
      namespace: app.namespace,
      name: app.name,
      health: healthOf(app),
      reciprocated: reciprocates(app, direction),
    }));
    const problems = targets.length
      ? peers.filter(p => !p.reciprocated).map(p => oneSided(p, direction))
      : [noSuchApp(rule, scope, direction)];
    return {
      application: rule.application,
      ...(scope.kind === 'namespace'
        ? { namespace: scope.namespace }
        : { namespacesByLabel: scope.labels }),
      ports: (rule.ports ?? []).map(p => ({
        ...(p.port !== undefined ? { port: String(p.port) } : {}),
        ...(p.endPort !== undefined ? { endPort: p.endPort } : {}),
        ...(p.protocol ? { protocol: p.protocol } : {}),
      })),
      peers,
      problems,
    };
  };

  const callers = (policy?.inbound?.rules ?? []) as SkiperatorInternalRule[];
  const blockedCallers = picture.apps
    .filter(
      app =>
        (app.accessPolicy?.outbound?.rules ?? []).some(rule =>
          ruleNames(rule, app.namespace, self, labelsOf),
        ) &&
        !callers.some(rule => ruleNames(rule, self.namespace, app, labelsOf)),
    )
    .sort(byNamespaceAndName)
    .map(app => ({
      namespace: app.namespace,
      name: app.name,
      health: healthOf(app),
      reciprocated: false,
      message: `${nameOf(
        app,
      )} lists this app in its outbound rules, but this app's inbound rules do not let it in, so its calls are denied. If it should call this app, add ${suggestedRule(
        app,
      )} to this app's inbound rules.`,
    }));

  return {
    inbound: callers.map(rule => resolveRule(rule, 'inbound')),
    outbound: (policy?.outbound?.rules ?? []).map(rule =>
      resolveRule(rule, 'outbound'),
    ),
    external: (policy?.outbound?.external ?? []).map(resolveExternal),
    blockedCallers,
  };
}

/** An external host with the ports Skiperator's ServiceEntry opens, and what it refuses to build. */
function resolveExternal(rule: SkiperatorExternalRule): ExternalAccessRule {
  const written = rule.ports ?? [];
  const ports = written.length ? written : DEFAULT_EXTERNAL_PORTS;
  const problems: AccessProblem[] = rule.ip
    ? []
    : written
        .filter(p => p.protocol === 'TCP')
        .map(p => ({
          kind: 'tcpWithoutIp' as const,
          message: `Port ${p.port} (${p.name}) is TCP, which needs a static ip on this rule: without one Skiperator cannot open it.`,
        }));
  return {
    host: rule.host,
    ...(rule.ip ? { ip: rule.ip } : {}),
    ports,
    defaultPorts: written.length === 0,
    problems,
  };
}
