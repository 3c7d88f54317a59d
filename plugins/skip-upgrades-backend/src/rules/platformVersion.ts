/** A GKE on VMware release such as 1.30.400-gke.133, taken apart. */
export type PlatformVersion = {
  major: number;
  minor: number;
  patch: number;
  build: number;
  text: string;
};

/** Parses `1.30.400-gke.133` (a leading `v` is allowed); undefined when it is not one. */
export function parsePlatformVersion(
  text: string | undefined,
): PlatformVersion | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-gke\.(\d+))?$/.exec(text?.trim() ?? '');
  if (!m) return undefined;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: Number(m[3]),
    build: Number(m[4] ?? 0),
    text: text!.trim().replace(/^v/, ''),
  };
}

/** Orders two versions (negative when a < b). */
export function compareVersions(
  a: PlatformVersion,
  b: PlatformVersion,
): number {
  return (
    a.major - b.major ||
    a.minor - b.minor ||
    a.patch - b.patch ||
    a.build - b.build
  );
}

/** Orders two version strings; unparseable ones sort first. */
export function compareVersionTexts(a: string, b: string): number {
  const pa = parsePlatformVersion(a);
  const pb = parsePlatformVersion(b);
  if (!pa || !pb) return (pa ? 1 : 0) - (pb ? 1 : 0);
  return compareVersions(pa, pb);
}
