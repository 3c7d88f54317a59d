import { environmentSchema } from '@internal/plugin-skip-common';
import { z } from 'zod';

const relativeOrAbsolutePath = z.string().min(1).max(1024);

/** Commands run on this host: for a portal that runs on the admin workstation's network, and for the simulator. */
const localExecutorSchema = z.object({
  type: z.literal('local'),
  /** Directories put in front of PATH (where gkectl and gkeadm are). */
  path: z.array(z.string().min(1)).default([]),
  /** Extra environment for every command. */
  env: z.record(z.string(), z.string()).default({}),
});

/** Commands run on the site's admin workstation over SSH, where gkectl lives. */
const sshExecutorSchema = z.object({
  type: z.literal('ssh'),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(22),
  username: z.string().min(1),
  /** PEM private key (secret). */
  privateKey: z.string().min(1),
  passphrase: z.string().optional(),
  /** The workstation's host key, as `ssh-keygen -lf` prints it (SHA256:...); other keys are refused. */
  hostKeySha256: z.string().min(1),
  env: z.record(z.string(), z.string()).default({}),
});

const siteClusterSchema = z
  .object({
    name: z.string().min(1),
    /** The cluster's gkectl config file (user or admin cluster config). */
    config: relativeOrAbsolutePath,
    /** Admin clusters: the admin kubeconfig gkectl is given. */
    kubeconfig: relativeOrAbsolutePath.optional(),
    /**
     * How its upgrade itself runs: gkectl (default), or, for a user cluster enrolled in the GKE
     * On-Prem API, `gcloud container vmware clusters upgrade` (the checks stay gkectl's).
     */
    upgradeWith: z.enum(['gkectl', 'onprem-api']).default('gkectl'),
    /** With onprem-api: the cluster's location in the GKE On-Prem API (e.g. europe-north1). */
    location: z.string().min(1).optional(),
  })
  .refine(c => c.upgradeWith !== 'onprem-api' || !!c.location, {
    path: ['location'],
    message: 'required when upgradeWith is onprem-api',
  });

/** One site: its admin workstation, how the portal reaches it, and its clusters' files there. */
const siteSchema = z.object({
  name: z.string().min(1),
  executor: z.discriminatedUnion('type', [
    localExecutorSchema,
    sshExecutorSchema,
  ]),
  /** Working directory on the workstation; relative file paths below are under it. */
  workDir: z.string().min(1).optional(),
  gkectl: z.string().min(1).default('gkectl'),
  gkeadm: z.string().min(1).default('gkeadm'),
  gcloud: z.string().min(1).default('gcloud'),
  bundleDir: z.string().min(1).default('/var/lib/gke/bundles'),
  adminWorkstation: z.object({
    config: relativeOrAbsolutePath,
    infoFile: relativeOrAbsolutePath,
  }),
  clusters: z.array(siteClusterSchema).default([]),
});
export type UpgradeSite = z.infer<typeof siteSchema>;
export type UpgradeExecutorConfig = UpgradeSite['executor'];

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour clock)');

const timeZone = z
  .string()
  .min(1)
  .refine(zone => {
    try {
      // Intl refuses a zone it does not know (RangeError).
      return !!new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
      }).resolvedOptions().timeZone;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Oslo');

/** When an environment's clusters may be upgraded; outside it a run waits. */
export const timeWindowSchema = z.object({
  timeZone: timeZone.default('Europe/Oslo'),
  days: z
    .array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']))
    .default(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
  /** Opens at (local time); a window whose `to` is before `from` spans midnight. */
  from: clock,
  to: clock,
});
export type TimeWindow = z.infer<typeof timeWindowSchema>;

// Strict: a misspelt environment (`production`) must not silently leave prod without its gate.
const perEnvironment = <T extends z.ZodTypeAny>(value: T) =>
  z
    .object({
      sandbox: value.optional(),
      dev: value.optional(),
      test: value.optional(),
      prod: value.optional(),
    })
    .strict();

/** `skip.upgrades`: validated at start-up, errors name the key. */
export const upgradesConfigSchema = z.object({
  releases: z
    .array(
      z.object({
        version: z
          .string()
          .regex(/^\d+\.\d+\.\d+-gke\.\d+$/, 'must look like 1.31.200-gke.59'),
        kubernetesVersion: z.string().min(1),
      }),
    )
    .default([]),
  sites: z.array(siteSchema).default([]),
  gates: z
    .object({
      /** Approval before the stage of these environments. */
      approvalBefore: z.array(environmentSchema).default(['prod']),
      /** Where the approver must not be who started the run. */
      fourEyes: z.array(environmentSchema).default(['prod']),
      /** Soak after each stage, in seconds, per environment. */
      soakSeconds: perEnvironment(z.number().int().min(0)).default({}),
      windows: perEnvironment(timeWindowSchema).default({}),
    })
    .default({
      approvalBefore: ['prod'],
      fourEyes: ['prod'],
      soakSeconds: {},
      windows: {},
    }),
  /** Expected step durations for the run view (GKECTL.md: about 15 minutes per node). */
  expectedSeconds: z
    .object({
      perNode: z.number().int().min(0).default(900),
      controlPlane: z.number().int().min(0).default(600),
      adminWorkstation: z.number().int().min(0).default(1200),
      prepare: z.number().int().min(0).default(900),
      check: z.number().int().min(0).default(300),
    })
    .default({
      perNode: 900,
      controlPlane: 600,
      adminWorkstation: 1200,
      prepare: 900,
      check: 300,
    }),
  engine: z
    .object({
      /** How long a run stays with an engine that stopped renewing (a dead replica). */
      leaseSeconds: z.number().int().min(2).default(30),
      /** How often each replica looks for runs to drive. */
      tickMilliseconds: z.number().int().min(50).default(2000),
    })
    .default({ leaseSeconds: 30, tickMilliseconds: 2000 }),
});
export type UpgradesConfig = z.infer<typeof upgradesConfigSchema>;
