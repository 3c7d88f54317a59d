import { environmentSchema } from '@internal/plugin-skip-common';
import { z } from 'zod';

/** `skip.onboarding`: what a prefix may be, where its Argo CD objects go, and the GitOps repository. */
export const onboardingConfigSchema = z
  .object({
    /** Namespace names no prefix may take in (the platform's own; `skip.systemNamespaces` names count too). */
    reservedNames: z
      .array(z.string().min(1))
      .default([
        'default',
        'argocd',
        'kube-system',
        'kube-public',
        'kube-node-lease',
      ]),
    /** Prefixes no team may claim or overlap (`skip.systemNamespaces` patterns ending in * count too). */
    reservedPrefixes: z
      .array(z.string().min(1))
      .default([
        'kube-',
        'istio-',
        'gke-',
        'gmp-',
        'anthos-',
        'argocd-',
        'cert-manager-',
      ]),
    /** Room a prefix must leave for the rest of a namespace name, within 63 characters. */
    minimumSuffixLength: z.number().int().min(1).max(60).default(10),
    /** Approve every valid request at once (the policy decides, not a person). */
    autoApprove: z.boolean().default(false),
    /** The team's apps repository; `{team}` is the team's name. */
    appsRepoUrlTemplate: z
      .string()
      .min(1)
      .default('https://github.com/kartverket/{team}-apps.git'),
    /** Which environments' clusters each Argo CD instance (skip.argocd.instances) deploys to. */
    argocd: z
      .array(
        z
          .object({
            instance: z.string().min(1),
            environments: z.array(environmentSchema).min(1),
          })
          .strict(),
      )
      .default([]),
    /** Where the objects are also written as a reviewable commit on a branch. */
    gitops: z
      .object({
        /** A git URL or a local path of the platform's GitOps repository. */
        repository: z.string().min(1),
        baseBranch: z.string().min(1).default('main'),
        /** Create the repository (bare, with one empty commit) when the path does not exist: for the embedded demo. */
        createIfMissing: z.boolean().default(false),
      })
      .strict()
      .optional(),
  })
  .strict();

export type OnboardingConfig = z.infer<typeof onboardingConfigSchema>;
