export interface Config {
  /** SKIP Portal: what the suite adds to the standard `kubernetes` config block. */
  skip?: {
    /**
     * Catalog group refs whose members may do everything in the suite (e.g. group:default/platform-team).
     * Everybody else may read, and request onboarding for groups they belong to.
     */
    platformTeamGroups?: string[];
    /**
     * Namespaces only the platform team may look into (details, events, logs) or act on:
     * names, or prefixes ending with `*`. Every namespace of an admin cluster counts as one.
     * Default: kube-system, kube-public, kube-node-lease, default, argocd, istio-system,
     * istio-gateways, skiperator-system, config-management-system, cert-manager, gke-*, gmp-*, anthos-*.
     */
    systemNamespaces?: string[];
    /**
     * Per cluster: what `kubernetes.clusterLocatorMethods` cannot say. `name` must match a
     * cluster configured there (type `config`), which tells how to reach it.
     */
    clusters?: Array<{
      /** The cluster's name in `kubernetes.clusterLocatorMethods`. */
      name: string;
      /** Environment in promotion order. */
      environment: 'sandbox' | 'dev' | 'test' | 'prod';
      /** Data centre or cloud location, e.g. atkv3 or atgcp1. */
      site: string;
      /** Where the cluster runs. */
      platform: 'anthos-vmware' | 'gke';
      /** Where its control plane runs. */
      controlPlane: 'kubeception' | 'controlplane-v2' | 'gke-managed';
      /** user (runs workloads) or admin (manages on-prem user clusters). Default user. */
      role?: 'user' | 'admin';
      /** The admin cluster of an on-prem user cluster. */
      adminCluster?: string;
      /** The name Argo CD uses for this cluster in spec.destination.name, when it differs. */
      argocdName?: string;
      /**
       * The `skip.connectGateways` entry the portal reaches this cluster through; its quota decides
       * whether the fleet cache watches or polls the cluster. None: reached directly, watched.
       */
      connectGateway?: string;
    }>;
    /**
     * Connect gateways (one per fleet host project) and their quotas, which the fleet cache keeps
     * within (docs/configuration.md, Connect gateways).
     */
    connectGateways?: Array<{
      /** The name clusters refer to in `skip.clusters[].connectGateway`. */
      name: string;
      /** Requests per minute the gateway allows the portal. Default 2400. */
      requestsPerMinute?: number;
      /** Streams (watches) the gateway allows open at once. Default 10. */
      maxStreams?: number;
      /** The share of requestsPerMinute the fleet cache may use (0 to 1); the rest is left to on-demand calls. Default 0.5. */
      cacheShare?: number;
    }>;
    /** Argo CD instances; Applications live in the instance's namespace on the instance's cluster. */
    argocd?: {
      instances?: Array<{
        /** A short name, e.g. nonprod or prod. */
        name: string;
        /** The cluster (from skip.clusters) where this Argo CD runs. */
        cluster: string;
        /** The namespace its Application objects live in. Default argocd. */
        namespace?: string;
        /**
         * Its web UI (e.g. https://argocd.example.com), for links to an app's page there.
         * @visibility frontend
         */
        url?: string;
        /** Its REST API, for the live-versus-desired diff per resource; without it no diff is shown. */
        api?: {
          /** The API's base URL, e.g. https://argocd.example.com (requests go to /api/v1/...). */
          url: string;
          /**
           * A project-scoped token (an Argo CD project role's JWT) that may `get` the apps.
           * @visibility secret
           */
          token: string;
        };
      }>;
    };
    /**
     * Per-user cache of permission decisions and catalog reads in SKIP backend plugins
     * (docs/security.md). ttlSeconds is the revocation bound.
     */
    decisionCache?: {
      /** How long a user's permission decision or catalog read is reused: a revoked permission takes effect within this time. Default 5; 0 turns the cache off; at most 300. */
      ttlSeconds?: number;
      /** Answers kept per cache (least recently used go first). Default 10000. */
      maxEntries?: number;
    };
  };
}
