import { Link } from '@backstage/core-components';
import { shortRevision } from './argoText';

/** Props of {@link RevisionLink}. */
export type RevisionLinkProps = {
  revision: string;
  /** The commit in a browser, when the git host is known. */
  url?: string;
};

/** A revision as its short sha, linked to its commit when the host is known; the full sha as tooltip. */
export function RevisionLink(props: RevisionLinkProps) {
  const { revision, url } = props;
  const text = shortRevision(revision);
  const style = { whiteSpace: 'nowrap', fontFamily: 'monospace' } as const;
  if (!url) {
    return (
      <span title={revision} style={style}>
        {text}
      </span>
    );
  }
  return (
    <Link
      to={url}
      title={`Commit ${revision}`}
      aria-label={`Commit ${text}`}
      style={style}
    >
      {text}
    </Link>
  );
}
