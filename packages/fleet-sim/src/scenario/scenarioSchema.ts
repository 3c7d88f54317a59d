import { z } from 'zod';

const dnsLabel = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a lowercase DNS label');
const environment = z.enum(['sandbox', 'dev', 'test', 'prod']);
const platformVersion = z
  .string()
  .regex(/^\d+\.\d+\.\d+-gke\.\d+$/, 'must look like 1.30.400-gke.133');

/** One simulated cluster: what the API server serves plus where it sits in the platform. */
export const scenarioClusterSchema = z
  .object({
    name: dnsLabel,
    kubernetesVersion: z
      .string()
      .regex(/^v\d+\.\d+\.\d+(-gke\.\d+)?$/, 'must look like v1.30.7-gke.1500'),
    token: z.string().optional(),
    environment,
    site: dnsLabel,
    platform: z.enum(['anthos-vmware', 'gke']),
    controlPlane: z.enum(['kubeception', 'controlplane-v2', 'gke-managed']),
    role: z.enum(['user', 'admin']),
    adminCluster: dnsLabel.optional(),
    /** GKE on VMware version (gkeOnPremVersion) for on-prem clusters; the GKE version for GKE clusters. */
    platformVersion: z.string(),
    nodes: z.number().int().min(1).max(500),
    /** Skiperator release running in the cluster; the Ready condition exists only from v2.18. */
    skiperatorVersion: z
      .string()
      .regex(/^v\d+\.\d+\.\d+$/, 'must look like v2.18.1')
      .default('v2.18.1'),
  })
  .strict();

/** An Argo CD instance: where it runs and which environments it deploys to. */
export const scenarioArgoInstanceSchema = z
  .object({
    name: dnsLabel,
    cluster: dnsLabel,
    namespace: dnsLabel.default('argocd'),
    environments: z.array(environment).min(1),
  })
  .strict();

/** A team: its namespace prefix, catalog group and the IAM groups RBAC binds. */
export const scenarioTeamSchema = z
  .object({
    name: dnsLabel,
    displayName: z.string().optional(),
    prefix: z
      .string()
      .regex(
        /^[a-z0-9][-a-z0-9]*-$/,
        "must be a namespace prefix ending in '-'",
      ),
    group: z
      .string()
      .regex(
        /^group:[a-z0-9-]+\/[a-z0-9-]+$/,
        'must be a catalog ref like group:default/team',
      ),
    iamGroups: z.array(z.string().email()).default([]),
    products: z.array(dnsLabel).default([]),
  })
  .strict();

const replicas = z.union([
  z.number().int().min(0),
  z
    .object({
      min: z.number().int().min(0),
      max: z.number().int().min(1),
      targetCpuUtilization: z.number().int().optional(),
    })
    .strict(),
]);

/** Skiperator's InternalRule and ExternalRule (v2.18 CRD): the Application's API server validates the rest. */
const accessRule = z
  .object({
    application: z.string(),
    namespace: z.string().optional(),
    namespacesByLabel: z.record(z.string()).optional(),
    ports: z
      .array(
        z
          .object({
            port: z.union([z.number(), z.string()]).optional(),
            endPort: z.number().optional(),
            protocol: z.string().optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();
const externalRule = z
  .object({
    host: z.string(),
    ip: z.string().optional(),
    ports: z
      .array(
        z.object({ name: z.string(), port: z.number(), protocol: z.string() }),
      )
      .optional(),
  })
  .strict();

/** How an app misbehaves in the demo. */
export const appFaultSchema = z.enum([
  'image-pull',
  'crash-loop',
  'out-of-sync',
  'slow-start',
]);

/** One Skiperator Application deployed by Argo CD from a team's apps repo. */
export const scenarioAppSchema = z
  .object({
    team: dnsLabel,
    product: dnsLabel.optional(),
    name: dnsLabel,
    cluster: dnsLabel,
    namespace: dnsLabel,
    image: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(8080),
    replicas: replicas.optional(),
    ingresses: z.array(z.string()).optional(),
    accessPolicy: z
      .object({
        inbound: z
          .object({ rules: z.array(accessRule) })
          .strict()
          .optional(),
        outbound: z
          .object({
            rules: z.array(accessRule).optional(),
            external: z.array(externalRule).optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    /** Argo CD automated sync; default: on outside prod, off in prod (PLATFORM.md). */
    autoSync: z.boolean().optional(),
    fault: appFaultSchema.optional(),
    /** out-of-sync: the image the apps repo holds while the cluster still runs `image`. */
    repoImage: z.string().optional(),
    /** slow-start: how long pods stay unready. */
    readyAfterMs: z.number().int().min(0).optional(),
  })
  .strict();

/**
 * Access that exists in the organisation without the portal: a ClusterRoleBinding Terraform
 * creates (labelled `app.kubernetes.io/managed-by: terraform`), or a RoleBinding kept in a team's
 * apps repo next to an app, which Argo CD syncs (and stamps with its tracking annotation).
 */
export const scenarioBindingSchema = z
  .object({
    kind: z.enum(['ClusterRoleBinding', 'RoleBinding']),
    name: z.string().min(1),
    /** Cluster names, or 'user' for every user cluster. */
    clusters: z.union([z.literal('user'), z.array(dnsLabel).min(1)]),
    /** A RoleBinding's namespace: an app's namespace in each of the clusters. */
    namespace: dnsLabel.optional(),
    roleRef: z
      .object({
        kind: z.enum(['ClusterRole', 'Role']),
        name: z.string().min(1),
      })
      .strict(),
    subjects: z
      .array(
        z
          .object({
            kind: z.enum(['Group', 'User', 'ServiceAccount']),
            name: z.string().min(1),
            namespace: dnsLabel.optional(),
          })
          .strict(),
      )
      .min(1),
    /** terraform: ClusterRoleBindings only; apps-repo: RoleBindings only. */
    source: z.enum(['terraform', 'apps-repo']),
  })
  .strict();

/** A site's admin workstation, where gkectl and gkeadm run. */
export const scenarioWorkstationSchema = z
  .object({ name: dnsLabel, site: dnsLabel, version: platformVersion })
  .strict();

/** The whole simulated world. */
export const scenarioSchema = z
  .object({
    name: z.string().default('custom'),
    clusters: z.array(scenarioClusterSchema).min(1),
    argocd: z.array(scenarioArgoInstanceSchema).default([]),
    teams: z.array(scenarioTeamSchema).default([]),
    apps: z.array(scenarioAppSchema).default([]),
    workstations: z.array(scenarioWorkstationSchema).default([]),
    /** Image references the simulated registry does not have (pulls fail). */
    missingImages: z.array(z.string()).default([]),
    /** Bundles already prepared per admin cluster at start: admin name -> versions. */
    preparedBundles: z.record(z.array(platformVersion)).default({}),
    /** Whether pods of healthy apps get log lines and events at seed time (off in the scale scenario). */
    eagerPodLogs: z.boolean().default(true),
    /** How every API server of the world behaves towards watches (see docs/fleet-sim.md, Watch). */
    apiServer: z
      .object({
        watchHistory: z
          .object({
            windowMs: z.number().int().min(0).optional(),
            maxEvents: z.number().int().min(1).optional(),
          })
          .strict()
          .optional(),
        watchLifetimeMs: z.number().int().min(1).optional(),
      })
      .strict()
      .optional(),
    /** Hand-made RBAC bindings the portal did not create (the demo world's; none in the scale scenario). */
    accessBindings: z.array(scenarioBindingSchema).default([]),
    /** What Skiperator renders: everything, or only the workload (Deployment, Service, HPA) to keep big worlds cheap. */
    ownedResources: z.enum(['all', 'workload']).default('all'),
  })
  .strict()
  .superRefine((s, ctx) => {
    const clusters = new Map(s.clusters.map(c => [c.name, c]));
    const teams = new Map(s.teams.map(t => [t.name, t]));
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
    if (clusters.size !== s.clusters.length)
      issue(['clusters'], 'cluster names must be unique');
    for (const [i, c] of s.clusters.entries()) {
      if (c.platform === 'gke' && c.controlPlane !== 'gke-managed')
        issue(
          ['clusters', i, 'controlPlane'],
          `GKE cluster ${c.name} must be gke-managed`,
        );
      if (c.platform === 'anthos-vmware' && c.controlPlane === 'gke-managed')
        issue(
          ['clusters', i, 'controlPlane'],
          `on-prem cluster ${c.name} cannot be gke-managed`,
        );
      if (
        c.platform === 'anthos-vmware' &&
        !/^\d+\.\d+\.\d+-gke\.\d+$/.test(c.platformVersion)
      )
        issue(
          ['clusters', i, 'platformVersion'],
          `${c.name}: must look like 1.30.400-gke.133`,
        );
      if (c.platform === 'anthos-vmware' && c.role === 'user') {
        const admin = c.adminCluster ? clusters.get(c.adminCluster) : undefined;
        if (!admin || admin.role !== 'admin')
          issue(
            ['clusters', i, 'adminCluster'],
            `on-prem user cluster ${c.name} needs an existing admin cluster`,
          );
      }
    }
    for (const [i, a] of s.argocd.entries()) {
      if (!clusters.has(a.cluster))
        issue(['argocd', i, 'cluster'], `unknown cluster ${a.cluster}`);
    }
    for (const [i, app] of s.apps.entries()) {
      const team = teams.get(app.team);
      const cluster = clusters.get(app.cluster);
      if (!team) issue(['apps', i, 'team'], `unknown team ${app.team}`);
      if (!cluster)
        issue(['apps', i, 'cluster'], `unknown cluster ${app.cluster}`);
      else if (cluster.role !== 'user')
        issue(['apps', i, 'cluster'], `${app.cluster} is an admin cluster`);
      else if (
        !s.argocd.some(a => a.environments.includes(cluster.environment))
      )
        issue(
          ['apps', i, 'cluster'],
          `no Argo CD instance deploys to ${cluster.environment}`,
        );
      if (team && !app.namespace.startsWith(team.prefix))
        issue(
          ['apps', i, 'namespace'],
          `${app.namespace} does not start with ${team.prefix}`,
        );
      if (app.fault === 'out-of-sync' && !app.repoImage)
        issue(['apps', i, 'repoImage'], 'an out-of-sync app needs repoImage');
    }
    for (const [i, b] of s.accessBindings.entries()) {
      const at = (...path: (string | number)[]) => ['accessBindings', i, ...path];
      const names = b.clusters === 'user' ? [] : b.clusters;
      for (const name of names)
        if (clusters.get(name)?.role !== 'user')
          issue(at('clusters'), `${name} is not a user cluster`);
      if (b.kind === 'ClusterRoleBinding') {
        if (b.source !== 'terraform')
          issue(at('source'), 'a ClusterRoleBinding comes from terraform');
        if (b.namespace)
          issue(at('namespace'), 'a ClusterRoleBinding has no namespace');
        if (b.roleRef.kind !== 'ClusterRole')
          issue(at('roleRef', 'kind'), 'a ClusterRoleBinding binds a ClusterRole');
        continue;
      }
      if (b.source !== 'apps-repo')
        issue(at('source'), 'a RoleBinding comes from an apps repo');
      if (!b.namespace) {
        issue(at('namespace'), 'a RoleBinding needs a namespace');
        continue;
      }
      const targets =
        b.clusters === 'user'
          ? s.clusters.filter(c => c.role === 'user').map(c => c.name)
          : b.clusters;
      for (const name of targets)
        if (!s.apps.some(a => a.cluster === name && a.namespace === b.namespace))
          issue(at('namespace'), `no app in ${name}/${b.namespace} whose apps-repo directory could hold it`);
    }
  });

/** A validated scenario. */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as written in a file (defaults not yet applied). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioCluster = Scenario['clusters'][number];
export type ScenarioApp = Scenario['apps'][number];
export type ScenarioTeam = Scenario['teams'][number];
export type ScenarioArgoInstance = Scenario['argocd'][number];
export type ScenarioBinding = Scenario['accessBindings'][number];
export type AppFault = z.infer<typeof appFaultSchema>;
