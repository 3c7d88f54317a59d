import type { components } from '../generated/skipAccess';

type Schemas = components['schemas'];

/** Which clusters a rule covers. */
export type AccessClusterScope = Schemas['ClusterScope'];
/** Where on those clusters: cluster-wide, named namespaces or a team's prefix. */
export type AccessNamespaceScope = Schemas['NamespaceScope'];
/** A rule as a person or a YAML file writes it. */
export type AccessRuleInput = Schemas['RuleInput'];
/** Where a rule comes from. */
export type AccessRuleSource = Schemas['RuleSource'];
/** A rule with its source and whether it is in force. */
export type AccessRule = Schemas['Rule'];
/** A catalog group with the IAM group emails RBAC binds. */
export type AccessGroup = Schemas['AccessGroup'];
/** The clusters of an environment. */
export type AccessEnvironmentClusters = Schemas['EnvironmentClusters'];
/** What the caller may do on the access page. */
export type AccessRights = Schemas['AccessRights'];
/** Rules, groups, environments and rights. */
export type AccessRulesResponse = Schemas['RulesResponse'];
/** A field of a rule that is wrong, and why. */
export type AccessFieldError = Schemas['FieldError'];
/** The verdict on a rule not yet saved. */
export type AccessRuleValidation = Schemas['RuleValidation'];
/** RoleBinding or ClusterRoleBinding. */
export type AccessBindingKind = Schemas['BindingKind'];
/** One line of a change's diff. */
export type AccessDiffLine = Schemas['DiffLine'];
/** One change a plan makes on a cluster. */
export type AccessBindingChange = Schemas['BindingChange'];
/** A same-name binding the portal does not own. */
export type AccessBindingConflict = Schemas['BindingConflict'];
/** The plan of one cluster. */
export type AccessClusterPlan = Schemas['ClusterPlan'];
/** The plan of every cluster, with its digest. */
export type AccessPlan = Schemas['AccessPlan'];
/** Applying a previewed plan. */
export type AccessApplyRequest = Schemas['ApplyRequest'];
/** What an apply did on one cluster. */
export type AccessClusterApplyResult = Schemas['ClusterApplyResult'];
/** What an apply did. */
export type AccessApplyResult = Schemas['ApplyResult'];
/** One drift finding. */
export type AccessDriftFinding = Schemas['DriftFinding'];
/** The drift of one cluster. */
export type AccessClusterDrift = Schemas['ClusterDrift'];
/** The last drift check. */
export type AccessDriftReport = Schemas['DriftReport'];
/** A cluster's desired bindings as YAML. */
export type AccessExport = Schemas['ExportResponse'];
/** One grant and where it comes from. */
export type AccessGrant = Schemas['Grant'];
/** Whose access is shown. */
export type AccessSubject = Schemas['EffectiveSubject'];
/** "What can this group or user do, where". */
export type EffectiveAccess = Schemas['EffectiveAccess'];
