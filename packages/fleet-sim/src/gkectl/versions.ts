/** A GKE on VMware version: 1.30.400-gke.133. */
export type PlatformVersion = { major: number; minor: number; patch: number; build: number; text: string };

/** Parses `1.30.400-gke.133` (a leading `v` is allowed); undefined when it is not one. */
export function parsePlatformVersion(text: string): PlatformVersion | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-gke\.(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), build: Number(m[4] ?? 0), text: text.trim().replace(/^v/, '') };
}

/** Orders two versions (negative when a < b). */
export function compareVersions(a: PlatformVersion, b: PlatformVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch || a.build - b.build;
}

const KNOWN: Record<string, string> = {
  '1.30.300-gke.84': 'v1.30.6-gke.1700',
  '1.30.400-gke.133': 'v1.30.8-gke.1300',
  '1.31.200-gke.59': 'v1.31.5-gke.1300',
  '1.31.300-gke.81': 'v1.31.6-gke.1000',
  '1.32.100-gke.106': 'v1.32.2-gke.1200',
  '1.32.200-gke.104': 'v1.32.4-gke.1100',
  '1.33.0-gke.799': 'v1.33.1-gke.1500',
};

/** The Kubernetes version a GKE on VMware release runs (known releases, else a stable guess). */
export function kubernetesVersionFor(platformVersion: string): string {
  if (KNOWN[platformVersion]) return KNOWN[platformVersion];
  const v = parsePlatformVersion(platformVersion);
  if (!v) return platformVersion;
  return `v${v.major}.${v.minor}.${Math.floor(v.patch / 100) * 2 + 2}-gke.${v.build * 10}`;
}

/** The version in a bundle file name such as gke-onprem-vsphere-1.31.200-gke.59-full.tgz. */
export function bundleVersion(path: string): string | undefined {
  const m = /gke-onprem-vsphere-(\d+\.\d+\.\d+-gke\.\d+)(?:-full)?\.tgz$/.exec(path);
  return m?.[1];
}
