import Box from '@material-ui/core/Box';
import { SkiperatorAppSummary } from '@internal/plugin-skip-common';
import { FailingResource } from '../../lib/failingResources';
import { AccessPolicyPanel } from '../AccessPolicy';
import { AppLinks } from '../AppLinks';
import { ArgoDetailsPanel } from '../ArgoDetails';
import { ResourceTree } from '../ResourceTree';

/** Props of {@link AppDetails}. */
export type AppDetailsProps = {
  app: SkiperatorAppSummary;
  /** Opens the drill-down of one of the app's resources. */
  onOpenResource: (resource: FailingResource) => void;
};

/**
 * What opens under an app's row in the apps table: one section per concern, stacked.
 * This is the one place to add a section (the resource tree, Argo CD details, links,
 * the access policy); each section loads what it needs itself.
 */
export function AppDetails(props: AppDetailsProps) {
  const { app, onOpenResource } = props;
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <AppLinks app={app} />
      <ResourceTree app={app} onOpenResource={onOpenResource} />
      <ArgoDetailsPanel app={app} />
      <AccessPolicyPanel app={app} />
    </Box>
  );
}
