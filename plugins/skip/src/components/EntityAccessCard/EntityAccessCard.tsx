import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  routeResolutionApiRef,
  useApiHolder,
} from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { AsyncContent, skipAccessApiRef } from '@internal/plugin-skip-react';
import { useLocation } from 'react-router-dom';
import { rootRouteRef } from '../../routes';
import { EffectiveAccessTable } from '../AccessPage/EffectiveAccessTable';
import { useAccessData } from '../AccessPage/useAccessData';

/**
 * On a Group or User page: what the group (or the user, through their groups) can do on
 * the clusters, from the rules and from the bindings found there; the access page has more.
 */
export function EntityAccessCard() {
  const { entity } = useEntity();
  const api = useApi(skipAccessApiRef);
  const ref = stringifyEntityRef(entity);
  const isUser = entity.kind.toLocaleLowerCase('en-US') === 'user';
  const state = useAccessData(
    () => api.getEffectiveAccess(isUser ? { user: ref } : { group: ref }),
    [api, ref, isUser],
  );
  // Resolved through the API rather than useRouteRef, so the card renders (without the
  // link) where the SKIP page is not mounted.
  const routes = useApiHolder().get(routeResolutionApiRef);
  const { pathname } = useLocation();
  const skipPath = routes?.resolve(rootRouteRef, { sourcePath: pathname })?.();
  const query = new URLSearchParams({ [isUser ? 'user' : 'group']: ref });
  return (
    <InfoCard
      title="Access on the clusters"
      subheader="Kubernetes roles through the IAM groups, from rules and bindings"
      deepLink={
        skipPath
          ? {
              title: 'Open in the access page',
              link: `${skipPath.replace(/\/$/, '')}/access/effective?${query}`,
            }
          : undefined
      }
    >
      <AsyncContent state={state} what="the access" loadingRows={3}>
        {access => <EffectiveAccessTable access={access} pageSize={10} />}
      </AsyncContent>
    </InfoCard>
  );
}
