import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ArgoAppDetails } from '@internal/plugin-skip-common';
import { useState } from 'react';
import { ReasonedButton } from './ReasonedButton';

/** Props of {@link ArgoDetailsToolbar}. */
export type ArgoDetailsToolbarProps = {
  details: ArgoAppDetails;
  onOpenSync: () => void;
  onHardRefresh: () => Promise<void>;
};

/** "Sync…", "Hard refresh" and "Open in Argo CD": each button says why when it may not be used. */
export function ArgoDetailsToolbar(props: ArgoDetailsToolbarProps) {
  const { details, onOpenSync, onHardRefresh } = props;
  const [refreshing, setRefreshing] = useState(false);
  const hardRefresh = async () => {
    setRefreshing(true);
    try {
      await onHardRefresh();
    } finally {
      setRefreshing(false);
    }
  };
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={8}>
      <ReasonedButton
        decision={details.actions.sync}
        hint={`Sync ${details.name} with options: prune, dry run, some resources`}
        onClick={onOpenSync}
      >
        Sync…
      </ReasonedButton>
      <ReasonedButton
        decision={details.actions.refresh}
        hint="Compare with git again, without Argo CD's cached manifests"
        busy={refreshing}
        onClick={hardRefresh}
      >
        Hard refresh
      </ReasonedButton>
      {details.argoUrl && (
        <Typography variant="body2" component="span">
          <Link to={details.argoUrl} style={{ whiteSpace: 'nowrap' }}>
            Open in Argo CD
          </Link>
        </Typography>
      )}
    </Box>
  );
}
