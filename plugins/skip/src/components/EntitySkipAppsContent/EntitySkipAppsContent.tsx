import { stringifyEntityRef } from '@backstage/catalog-model';
import { Content } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { AppsView } from '../AppsView';

/** The SKIP tab of a component: its apps on every cluster, live. */
export function EntitySkipAppsContent() {
  const { entity } = useEntity();
  return (
    <Content noPadding>
      <AppsView
        query={{ entityRef: stringifyEntityRef(entity) }}
        emptyDescription="No Skiperator app on any cluster belongs to this component. Name its apps in the annotation skip.kartverket.no/skiperator-apps."
      />
    </Content>
  );
}
