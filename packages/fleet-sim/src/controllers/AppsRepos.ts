import { KubeObject } from '../store/types';
import { sha40 } from './ids';

/** A namespace directory's config.json (PLATFORM.md: tool, autoSync, prune, selfHeal...). */
export type DirectoryConfig = {
  autoSync?: boolean;
  prune?: boolean;
  selfHeal?: boolean;
  allowEmpty?: boolean;
};

/** One `env/<cluster>/<namespace>` directory of a team's apps repo. */
export type AppsDirectory = {
  path: string;
  cluster: string;
  namespace: string;
  manifests: KubeObject[];
  config: DirectoryConfig;
};

/** A commit in a simulated apps repo. */
export type AppsCommit = {
  revision: string;
  message: string;
  author: string;
  date: string;
};

/** One team's apps repo, held in memory; every change is a commit with a stable sha. */
export class AppsRepo {
  readonly url: string;
  private readonly dirs = new Map<string, AppsDirectory>();
  private readonly log: AppsCommit[] = [];
  /** The directories as each commit left them, so a sync to an older revision deploys that revision. */
  private readonly trees = new Map<
    string,
    ReadonlyMap<string, AppsDirectory>
  >();

  constructor(readonly team: string) {
    this.url = `https://github.com/kartverket/${team}-apps.git`;
    this.commit('Initial commit from skip-apps template');
  }

  /** The HEAD revision (40-hex sha). */
  head(): string {
    return this.log[this.log.length - 1].revision;
  }

  /** Commits, oldest first. */
  commits(): AppsCommit[] {
    return [...this.log];
  }

  /** Writes a directory (without committing when `commit` is false, for bulk seeding). */
  putDirectory(
    cluster: string,
    namespace: string,
    manifests: KubeObject[],
    config: DirectoryConfig = {},
    commit = true,
  ): AppsDirectory {
    const path = `env/${cluster}/${namespace}`;
    const dir = {
      path,
      cluster,
      namespace,
      manifests: structuredClone(manifests),
      config: { ...config },
    };
    this.dirs.set(path, dir);
    if (commit) this.commit(`Update ${path}`);
    return dir;
  }

  /** Deletes a directory. */
  removeDirectory(cluster: string, namespace: string): boolean {
    const removed = this.dirs.delete(`env/${cluster}/${namespace}`);
    if (removed) this.commit(`Remove env/${cluster}/${namespace}`);
    return removed;
  }

  /** One directory by its path, or undefined. */
  directory(path: string): AppsDirectory | undefined {
    return this.dirs.get(path.replace(/\/+$/, ''));
  }

  /** A directory as it was at a revision (a full or abbreviated sha, HEAD or main); undefined when absent then. */
  directoryAt(path: string, revision: string): AppsDirectory | undefined {
    const sha = this.resolve(revision);
    return sha ? this.trees.get(sha)?.get(path.replace(/\/+$/, '')) : undefined;
  }

  /** The full sha a revision names, as git resolves it; undefined for one the repo does not have. */
  resolve(revision: string): string | undefined {
    if (revision === 'HEAD' || revision === 'main') return this.head();
    if (!/^[0-9a-f]{7,40}$/.test(revision)) return undefined;
    return this.log.find(c => c.revision.startsWith(revision))?.revision;
  }

  /** Directories matching a git-generator glob such as `env/atkv3-dev/*` or `env/*\/*`. */
  match(glob: string): AppsDirectory[] {
    const pattern = new RegExp(
      `^${glob.split('*').map(escapeRegExp).join('[^/]+')}$`,
    );
    return [...this.dirs.values()]
      .filter(d => pattern.test(d.path))
      .sort((a, b) => a.path.localeCompare(b.path));
  }

  /** Records a commit without changing files (seeding uses it once after bulk writes). */
  commit(message: string): string {
    const revision = sha40(`${this.team}#${this.log.length}#${message}`);
    this.log.push({
      revision,
      message,
      author: `${this.team}-bot`,
      date: new Date().toISOString(),
    });
    // Directories are replaced, never changed in place, so a shallow copy is the commit's tree.
    this.trees.set(revision, new Map(this.dirs));
    return revision;
  }
}

/**
 * A repo URL as Argo CD compares them (`git.NormalizeGitURL`): trimmed, lower-cased, without a
 * trailing `.git`.
 */
export function normalizeRepoUrl(url: string): string {
  return url.trim().toLowerCase().replace(/\.git$/, '');
}

/**
 * The team whose apps repo a URL names, for `https://github.com/kartverket/<team>-apps(.git)`
 * (every team's repo is made from the skip-apps template); undefined for any other URL.
 */
export function teamOfAppsRepoUrl(url: string): string | undefined {
  return /^https:\/\/github\.com\/kartverket\/([a-z0-9]([a-z0-9-]*[a-z0-9])?)-apps$/.exec(
    normalizeRepoUrl(url),
  )?.[1];
}

/** Whether a team name can have an apps repo (`<team>-apps`): lower-case letters, digits and dashes. */
export function isTeamName(team: string): boolean {
  return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(team);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
