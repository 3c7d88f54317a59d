export interface Config {
  skip?: {
    /** Staged GKE on VMware upgrades (the skip-upgrades backend). Validated at start-up; errors name the key. */
    upgrades?: {
      /** Releases the portal can plan for, beyond the ones it knows. */
      releases?: Array<{ version: string; kubernetesVersion: string }>;
      /** One entry per site: its admin workstation, how the portal reaches it, its clusters' files there. */
      sites?: Array<{
        name: string;
        /** Where commands run: `local` (this host) or `ssh` (the admin workstation). */
        executor:
          | {
              type: 'local';
              /** Directories put in front of PATH. */
              path?: string[];
              env?: { [name: string]: string };
            }
          | {
              type: 'ssh';
              host: string;
              port?: number;
              username: string;
              /**
               * PEM private key of the portal's SSH identity on the workstation.
               * @visibility secret
               */
              privateKey: string;
              /**
               * @visibility secret
               */
              passphrase?: string;
              /** The workstation's host key fingerprint (SHA256:...); any other key is refused. */
              hostKeySha256: string;
              env?: { [name: string]: string };
            };
        /** Working directory on the workstation; relative paths below are under it. */
        workDir?: string;
        /** The gkectl command. Default gkectl. */
        gkectl?: string;
        /** The gkeadm command. Default gkeadm. */
        gkeadm?: string;
        /** Where bundles are. Default /var/lib/gke/bundles. */
        bundleDir?: string;
        adminWorkstation: { config: string; infoFile: string };
        /** The gcloud command (for clusters enrolled in the GKE On-Prem API). Default gcloud. */
        gcloud?: string;
        /** Each cluster's gkectl config file; admin clusters also their admin kubeconfig. */
        clusters?: Array<{
          name: string;
          config: string;
          kubeconfig?: string;
          /** gkectl (default), or onprem-api for a user cluster enrolled in the GKE On-Prem API. */
          upgradeWith?: 'gkectl' | 'onprem-api';
          /** Its location in the GKE On-Prem API (with onprem-api). */
          location?: string;
        }>;
      }>;
      gates?: {
        /** Approval before the stage of these environments. Default [prod]. */
        approvalBefore?: Array<'sandbox' | 'dev' | 'test' | 'prod'>;
        /** Where the approver must not be who started the run. Default [prod]. */
        fourEyes?: Array<'sandbox' | 'dev' | 'test' | 'prod'>;
        /** Soak after each stage, seconds per environment. */
        soakSeconds?: {
          sandbox?: number;
          dev?: number;
          test?: number;
          prod?: number;
        };
        /** When each environment may be upgraded; outside it a run waits. */
        windows?: {
          [environment: string]: {
            timeZone?: string;
            days?: string[];
            from: string;
            to: string;
          };
        };
      };
      /** Expected durations for the run view. */
      expectedSeconds?: {
        perNode?: number;
        controlPlane?: number;
        adminWorkstation?: number;
        prepare?: number;
        check?: number;
      };
      engine?: {
        /** How long a run stays with an engine that stopped renewing. Default 30. */
        leaseSeconds?: number;
        /** How often each replica looks for runs. Default 2000. */
        tickMilliseconds?: number;
      };
    };
  };
}
