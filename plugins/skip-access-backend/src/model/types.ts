import type {
  AccessBindingChange,
  AccessBindingKind,
  AccessRuleInput,
  AccessRuleSource,
  Environment,
} from '@internal/plugin-skip-common';

/** A cluster as access rules see it. Rules for all clusters or an environment cover user clusters only. */
export type AccessCluster = {
  name: string;
  environment: Environment;
  role: 'user' | 'admin';
};

/** A catalog group with the IAM group emails its bindings name as Group subjects. */
export type AccessGroupInfo = {
  /** Lower-case entity ref, e.g. `group:default/seeiendom`. */
  ref: string;
  title: string;
  iamGroups: string[];
  /** The team's namespace prefix (annotation `skip.kartverket.no/namespace-prefix`), e.g. `seeiendom-`. */
  prefix?: string;
};

/** A rule with where it comes from. */
export type SourcedRule = AccessRuleInput & {
  source: AccessRuleSource;
  /** For git rules: the file, relative to the rules folder. */
  file?: string;
  updatedBy?: string;
  updatedAt?: string;
};

/** One RBAC subject as the API has it. */
export type LiveSubject = {
  kind: string;
  name: string;
  namespace?: string;
  apiGroup?: string;
};

/** A RoleBinding or ClusterRoleBinding as read from a cluster (whoever made it). */
export type LiveBinding = {
  kind: AccessBindingKind;
  /** Absent for a ClusterRoleBinding. */
  namespace?: string;
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  roleRef: { kind: string; name: string };
  subjects: LiveSubject[];
};

/** One rule of a (Cluster)Role, as the API has it. */
export type LivePolicyRule = {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  nonResourceURLs?: string[];
};

/** What the access model needs of one cluster, read in one go. */
export type ClusterSnapshot = {
  cluster: string;
  namespaces: string[];
  bindings: LiveBinding[];
  /** ClusterRoles by name, with their rules (to tell escalating ones). */
  clusterRoles: Record<string, LivePolicyRule[]>;
};

/** A cluster's snapshot, or why it could not be read (the cluster is down). */
export type ClusterReading =
  | { cluster: string; ok: true; snapshot: ClusterSnapshot }
  | { cluster: string; ok: false; error: string };

/** A binding a rule wants on a cluster. */
export type DesiredBinding = {
  cluster: string;
  kind: AccessBindingKind;
  /** Absent for a ClusterRoleBinding. */
  namespace?: string;
  /** Deterministic: the same rule, role and place give the same name. */
  name: string;
  role: string;
  /** The IAM group emails (Group subjects), sorted. */
  groups: string[];
  groupRef: string;
  ruleId: string;
  escalating: boolean;
  /**
   * What the rule resolved to when this binding was wanted ({@link ruleFingerprint}): an
   * unattended write (drift check, repair) only repeats what a person applied with the same one.
   */
  ruleFingerprint?: string;
};

/** A binding the portal applied before (remembered in the database), to tell "deleted by hand" from "never applied". */
export type AppliedBindingKey = {
  cluster: string;
  kind: AccessBindingKind;
  namespace?: string;
  name: string;
};

/** A binding the portal applied, with the rule it came from and what that rule resolved to then. */
export type AppliedBinding = AppliedBindingKey & {
  ruleId: string;
  ruleFingerprint: string;
};

/** One change of a cluster's plan with what applying it needs. */
export type PlannedChange = {
  change: AccessBindingChange;
  /** The binding as it should be (create, update). */
  desired?: DesiredBinding;
  /** The binding as it is on the cluster (update, delete). */
  live?: LiveBinding;
};
