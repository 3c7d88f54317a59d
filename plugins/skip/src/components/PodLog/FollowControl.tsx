import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';

/** Props of {@link FollowControl}. */
export type FollowControlProps = {
  /** A previous run has ended: there is nothing to follow. */
  canFollow: boolean;
  following: boolean;
  /** The followed stream ended (the pod went, or the cluster stopped answering). */
  ended: boolean;
  onChange(follow: boolean): void;
};

/** The follow state in words, with the one action that changes it: "Following · Stop". */
export function FollowControl(props: FollowControlProps) {
  const { canFollow, following, ended, onChange } = props;
  let state = 'Stopped';
  if (!canFollow) state = 'Ended run';
  else if (following) state = ended ? 'Stream ended' : 'Following';
  const action = following && !ended ? 'Stop' : 'Follow';
  return (
    <Box
      role="group"
      aria-label="Follow the log"
      display="flex"
      alignItems="center"
      gridGap={4}
      style={{ whiteSpace: 'nowrap' }}
    >
      <Typography variant="body2" component="span" role="status">
        {state}
      </Typography>
      {canFollow && (
        <>
          <Typography variant="body2" component="span" aria-hidden>
            ·
          </Typography>
          <Button
            size="small"
            color="primary"
            onClick={() => onChange(action === 'Follow')}
          >
            {action}
          </Button>
        </>
      )}
    </Box>
  );
}
