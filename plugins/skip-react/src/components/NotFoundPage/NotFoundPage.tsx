import { Content, EmptyState, LinkButton } from '@backstage/core-components';

/** Props of {@link NotFoundPage}. */
export type NotFoundPageProps = {
  /** What there is no such thing of: "SKIP page". */
  what: string;
  /** Where to go instead; relative links resolve from the plugin page's root. */
  homeTo: string;
  /** The button's words: "Go to the fleet page". */
  homeLabel: string;
};

/**
 * A plugin's own not-found page: an address under the plugin that names nothing says
 * so, instead of quietly showing the plugin's front page, and offers the way back.
 */
export function NotFoundPage(props: NotFoundPageProps) {
  const { what, homeTo, homeLabel } = props;
  return (
    <Content>
      <EmptyState
        missing="content"
        title={`No ${what} at this address`}
        description={`Nothing is at ${window.location.pathname}. The link may be old, or a name in it may be misspelled.`}
        action={
          <LinkButton to={homeTo} color="primary" variant="contained">
            {homeLabel}
          </LinkButton>
        }
      />
    </Content>
  );
}
