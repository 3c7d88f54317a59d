export interface Config {
  skip?: {
    /** IAM groups mapped to RBAC on every cluster (the skip-access backend). Validated at start-up; errors name the key. */
    access?: {
      /** A folder of YAML rule files (a checkout of a GitOps repo); absent means database rules only. */
      rulesFolder?: string;
      /** The ClusterRole every team with a namespace prefix gets in it (default edit). */
      teamDefaultRole?: string;
      /** Roles that always need skip.access.escalation.approve (default [cluster-admin]). */
      escalatingRoles?: string[];
      drift?: {
        /** How often the drift check runs, once across replicas (default 10). */
        frequencyMinutes?: number;
        /** Create bindings in namespaces that appeared under a rule's scope (default true). */
        applyNewNamespaces?: boolean;
      };
    };
  };
}
