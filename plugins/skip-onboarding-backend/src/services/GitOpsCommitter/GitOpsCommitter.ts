import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where the platform's GitOps repository is and which branch reviews start from. */
export type GitOpsRepository = {
  repository: string;
  baseBranch: string;
  createIfMissing: boolean;
};

/**
 * Writes a team's objects as one commit on a new branch of the platform's GitOps repository,
 * so a platform that applies through Argo CD can review and merge the same change. Plain git
 * (argument arrays, never a shell), in a temporary clone that is removed afterwards.
 */
export class GitOpsCommitter {
  constructor(private readonly repo: GitOpsRepository) {}

  async commit(change: {
    branch: string;
    message: string;
    author: string;
    files: { path: string; yaml: string }[];
  }): Promise<{ branch: string; revision: string }> {
    await this.ensureRepository();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'skip-gitops-'));
    const git = (...args: string[]) =>
      run('git', args, { cwd: dir, env: gitEnv(change.author) });
    try {
      await run('git', ['clone', '--quiet', this.repo.repository, dir], {
        env: gitEnv(change.author),
      });
      await git(
        'checkout',
        '--quiet',
        '-B',
        change.branch,
        `origin/${this.repo.baseBranch}`,
      );
      for (const file of change.files) {
        const target = path.join(dir, file.path);
        if (!target.startsWith(`${dir}${path.sep}`)) {
          throw new Error(`File path ${file.path} leaves the repository`);
        }
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(target, file.yaml);
      }
      await git('add', '--all');
      await git('commit', '--quiet', '--allow-empty', '-m', change.message);
      // Never forced: a branch of that name already there is someone's review, not ours to replace.
      await git('push', '--quiet', 'origin', change.branch);
      const { stdout } = await git('rev-parse', 'HEAD');
      return { branch: change.branch, revision: stdout.trim() };
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }

  /** The embedded demo's repository: a bare repository with one empty commit on the base branch. */
  private async ensureRepository(): Promise<void> {
    const { repository, createIfMissing, baseBranch } = this.repo;
    if (!createIfMissing) return;
    try {
      await fs.access(repository);
      return;
    } catch {
      // Missing: create it below.
    }
    await fs.mkdir(repository, { recursive: true });
    await run('git', [
      'init',
      '--quiet',
      '--bare',
      `--initial-branch=${baseBranch}`,
      repository,
    ]);
    const seed = await fs.mkdtemp(path.join(os.tmpdir(), 'skip-gitops-seed-'));
    const env = gitEnv('SKIP Portal');
    try {
      await run('git', ['clone', '--quiet', repository, seed], { env });
      await run('git', ['checkout', '--quiet', '-B', baseBranch], {
        cwd: seed,
        env,
      });
      await run(
        'git',
        [
          'commit',
          '--quiet',
          '--allow-empty',
          '-m',
          'Platform GitOps repository',
        ],
        { cwd: seed, env },
      );
      await run('git', ['push', '--quiet', 'origin', baseBranch], {
        cwd: seed,
        env,
      });
    } finally {
      await fs.rm(seed, { recursive: true, force: true });
    }
  }
}

/** Git's identity from the approver; nothing of the backend's own environment beyond PATH and HOME. */
function gitEnv(author: string): NodeJS.ProcessEnv {
  const name = author.replace(/^user:(default\/)?/, '');
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? os.tmpdir(),
    GIT_AUTHOR_NAME: name,
    GIT_AUTHOR_EMAIL: `${name}@skip-portal.invalid`,
    GIT_COMMITTER_NAME: 'SKIP Portal',
    GIT_COMMITTER_EMAIL: 'skip-portal@skip-portal.invalid',
    GIT_TERMINAL_PROMPT: '0',
  };
}
