import { ArgoInitiator } from '@internal/plugin-skip-common';

/** A git sha as people quote it (7 characters); other revisions (tags, branches) stay whole. */
export function shortRevision(revision: string): string {
  return /^[0-9a-f]{40}$/i.test(revision) ? revision.slice(0, 7) : revision;
}

/**
 * Who started an operation or a deployment, in words: the person, "auto-sync", or
 * "unknown". The portal records people as entity refs ("user:default/pia"); their name
 * is what a colleague recognises.
 */
export function describeInitiator(initiator?: ArgoInitiator): string {
  if (initiator?.username) {
    return initiator.username.replace(/^user:(default\/)?/, '');
  }
  if (initiator?.automated) return 'auto-sync';
  return 'unknown';
}
