import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  routeResolutionApiRef,
  useApiHolder,
} from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  PrefixRequest,
  TeamPrefix,
  TeamPrefixList,
} from '@internal/plugin-skip-common';
import {
  Age,
  AsyncContent,
  skipOnboardingApiRef,
} from '@internal/plugin-skip-react';
import { useLocation } from 'react-router-dom';
import { rootRouteRef } from '../../routes';
import { useAccessData } from '../AccessPage/useAccessData';
import { shortRef } from '../OnboardingPage/describeOnboarding';
import { PrefixStateChip, RequestStateChip } from '../OnboardingPage/StateChip';

/** How many requests the card names before it points to the onboarding page. */
const SHOWN_REQUESTS = 5;

type TeamOnboarding = {
  prefixes: TeamPrefix[];
  requests: PrefixRequest[];
  rights: TeamPrefixList['rights'];
};

function PrefixList(props: { team: string; prefixes: TeamPrefix[] }) {
  const { team, prefixes } = props;
  if (prefixes.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary" paragraph>
        {team} has no namespace prefix yet.
      </Typography>
    );
  }
  return (
    <ul aria-label={`Prefixes of ${team}`} style={{ marginTop: 4 }}>
      {prefixes.map(p => (
        <li key={p.prefix}>
          <Box display="flex" alignItems="center" gridGap={8}>
            <code>{p.prefix}</code>
            <PrefixStateChip state={p.state} />
            <Typography variant="body2" color="textSecondary">
              {p.source} · {p.namespaces.length} namespace
              {p.namespaces.length === 1 ? '' : 's'}
            </Typography>
          </Box>
        </li>
      ))}
    </ul>
  );
}

function RequestList(props: { team: string; requests: PrefixRequest[] }) {
  const { team, requests } = props;
  if (requests.length === 0) return null;
  return (
    <>
      <Typography variant="subtitle2">Requests</Typography>
      <ul aria-label={`Requests of ${team}`} style={{ marginTop: 4 }}>
        {requests.slice(0, SHOWN_REQUESTS).map(r => (
          <li key={r.id}>
            <Box display="flex" alignItems="center" gridGap={8}>
              <code>{r.prefix}</code>
              <RequestStateChip state={r.state} />
              <Typography variant="body2" color="textSecondary">
                by {shortRef(r.requestedBy)}, <Age time={r.requestedAt} />
                {r.decision && ` · ${r.decision}`}
              </Typography>
            </Box>
          </li>
        ))}
        {requests.length > SHOWN_REQUESTS && (
          <li>
            <Typography variant="body2" color="textSecondary">
              and {requests.length - SHOWN_REQUESTS} more
            </Typography>
          </li>
        )}
      </ul>
    </>
  );
}

/** The onboarding page's path as the app mounted the SKIP page; /skip/onboarding where unknown. */
function useOnboardingPath(): string {
  const routes = useApiHolder().get(routeResolutionApiRef);
  const { pathname } = useLocation();
  const skipPath = routes?.resolve(rootRouteRef, { sourcePath: pathname })?.();
  return `${skipPath ?? '/skip'}/onboarding`;
}

/**
 * On a Group page's overview: the namespace prefixes the team holds and its requests for
 * them, with where to ask for one (for its members) and the onboarding page.
 */
export function EntityPrefixesCard() {
  const { entity } = useEntity();
  const api = useApi(skipOnboardingApiRef);
  const ref = stringifyEntityRef(entity);
  const state = useAccessData<TeamOnboarding>(async () => {
    const [prefixes, requests] = await Promise.all([
      api.listPrefixes(),
      api.listRequests({ team: ref }),
    ]);
    return {
      prefixes: prefixes.items.filter(p => p.team === ref),
      requests: requests.items,
      rights: prefixes.rights,
    };
  }, [api, ref]);
  const onboarding = useOnboardingPath();
  const team = entity.metadata.title ?? entity.metadata.name;
  return (
    <InfoCard
      title="Namespace prefixes"
      subheader="The namespaces the team owns, and its requests for them"
    >
      <AsyncContent state={state} what="the prefixes" loadingRows={3}>
        {value => (
          <>
            <PrefixList team={team} prefixes={value.prefixes} />
            <RequestList team={team} requests={value.requests} />
            {value.rights.requestFor.includes(ref) && (
              <Box mb={1}>
                <Link to={`${onboarding}?team=${encodeURIComponent(ref)}`}>
                  Request a prefix for {team}
                </Link>
              </Box>
            )}
          </>
        )}
      </AsyncContent>
      <Link to={onboarding}>All prefixes and requests</Link>
    </InfoCard>
  );
}
