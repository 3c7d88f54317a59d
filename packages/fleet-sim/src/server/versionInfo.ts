/** The /version body for a cluster version such as 'v1.30.7-gke.1500'. */
export function versionInfo(kubernetesVersion: string): Record<string, string> {
  const m = /^v?(\d+)\.(\d+)/.exec(kubernetesVersion);
  return {
    major: m?.[1] ?? '1',
    minor: m?.[2] ?? '0',
    gitVersion: kubernetesVersion.startsWith('v') ? kubernetesVersion : `v${kubernetesVersion}`,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-01-01T00:00:00Z',
    goVersion: 'go1.22.8',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}
