import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { AsyncContent, skipAccessApiRef } from '@internal/plugin-skip-react';
import { EffectiveAccessTable } from '../AccessPage/EffectiveAccessTable';
import { useAccessData } from '../AccessPage/useAccessData';

/**
 * The Access tab of a Group or User page: every grant of the group (or of the user, through
 * their groups) on every cluster, from the rules and from the bindings found there.
 */
export function EntityAccessContent() {
  const { entity } = useEntity();
  const api = useApi(skipAccessApiRef);
  const ref = stringifyEntityRef(entity);
  const isUser = entity.kind.toLocaleLowerCase('en-US') === 'user';
  const state = useAccessData(
    () => api.getEffectiveAccess(isUser ? { user: ref } : { group: ref }),
    [api, ref, isUser],
  );
  return (
    <InfoCard
      title="What can this do, where"
      subheader="Kubernetes roles on every cluster through the IAM groups: from the portal's rules and from every binding found on the clusters, whoever made it"
    >
      <AsyncContent state={state} what="the access" loadingRows={5}>
        {access => <EffectiveAccessTable access={access} pageSize={25} />}
      </AsyncContent>
    </InfoCard>
  );
}
