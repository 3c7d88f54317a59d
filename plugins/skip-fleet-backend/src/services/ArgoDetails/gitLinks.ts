/**
 * Browser links into an app's git repo. Only GitHub is known (the platform's apps repos
 * live there); for any other host the links are left out rather than guessed.
 */
export type GitLinks = {
  repo: string;
  commit(sha: string): string;
  tree(revision: string, path?: string): string;
};

const GITHUB_HTTPS =
  /^https:\/\/github\.com\/([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/;
const GITHUB_SSH =
  /^(?:ssh:\/\/)?git@github\.com[:/]([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/;
/** Only a full or abbreviated commit sha gets a commit link; a branch or tag is not a commit. */
const SHA = /^[0-9a-f]{7,40}$/;

/** Links for a repo URL as Argo CD has it (`https://github.com/o/r.git` or `git@github.com:o/r.git`). */
export function gitLinks(repoURL: string | undefined): GitLinks | undefined {
  const match = repoURL?.match(GITHUB_HTTPS) ?? repoURL?.match(GITHUB_SSH);
  if (!match) return undefined;
  const repo = `https://github.com/${match[1]}/${match[2]}`;
  return {
    repo,
    commit: sha => `${repo}/commit/${sha}`,
    tree: (revision, path) =>
      `${repo}/tree/${encodeURIComponent(revision)}${
        path ? `/${path.replace(/^\/+|\/+$/g, '')}` : ''
      }`,
  };
}

/** The commit link of a revision, when it is a sha of a repo the portal can link. */
export function commitUrl(
  links: GitLinks | undefined,
  revision: string | undefined,
): string | undefined {
  return links && revision && SHA.test(revision)
    ? links.commit(revision)
    : undefined;
}
