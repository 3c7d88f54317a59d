/** Label the portal puts on every binding it owns, so it never touches bindings it does not. */
export const RBAC_MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const RBAC_MANAGED_BY_VALUE = 'skip-portal';
/** Label naming the rule a managed binding comes from. */
export const RBAC_RULE_LABEL = 'skip.kartverket.no/access-rule';
/** Annotation naming the catalog group a managed binding binds. */
export const RBAC_GROUP_ANNOTATION = 'skip.kartverket.no/access-group';
/** The field manager of the portal's server-side applies. */
export const RBAC_FIELD_MANAGER = 'skip-portal-access';
