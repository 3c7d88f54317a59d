import { createHash } from 'node:crypto';

/** A 40-hex sha derived from a seed, so git revisions are stable across runs. */
export function sha40(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}

const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Kubernetes' safe-encoded suffix (as in pod-template-hash and pod names), derived from a seed. */
export function safeSuffix(seed: string, length: number): string {
  const digest = createHash('sha1').update(seed).digest();
  let out = '';
  for (let i = 0; i < length; i++) out += SAFE_ALPHABET[digest[i] % SAFE_ALPHABET.length];
  return out;
}

/** RFC 3339 without fractions, as metav1.Time serialises. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z');
}

/** Go's time.Time.String() in UTC ("2026-11-24 10:01:15.123456789 +0000 UTC"), which Skiperator writes into status timestamps. */
export function goTime(date: Date): string {
  const iso = date.toISOString();
  const nanos = `${iso.slice(20, 23)}000000`;
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${nanos} +0000 UTC`;
}
