import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import type { UpgradeRight } from '@internal/plugin-skip-common';
import { ReactNode, useId } from 'react';

/** Props of {@link RightButton}. */
export type RightButtonProps = {
  /** What the caller may do, and why not. */
  right: UpgradeRight;
  busy?: boolean;
  onClick: () => void;
  children: ReactNode;
  /** The accessible name when it should say more than the text (e.g. which cluster). */
  ariaLabel?: string;
  color?: 'primary' | 'secondary' | 'default';
  variant?: 'contained' | 'outlined' | 'text';
};

/** A button the backend's viewer rights enable; when they do not, it is disabled and says why, in words. */
export function RightButton(props: RightButtonProps) {
  const { right, busy, children } = props;
  const reasonId = useId();
  return (
    <Box
      display="inline-flex"
      flexDirection="column"
      mr={1}
      mb={0.5}
      maxWidth={360}
    >
      <Button
        size="small"
        variant={props.variant ?? 'outlined'}
        color={props.color ?? 'primary'}
        disabled={!right.allowed || busy}
        onClick={props.onClick}
        aria-label={props.ariaLabel}
        aria-describedby={!right.allowed && right.reason ? reasonId : undefined}
      >
        {children}
      </Button>
      {!right.allowed && right.reason && (
        <Typography id={reasonId} variant="caption" color="textSecondary">
          {right.reason}
        </Typography>
      )}
    </Box>
  );
}
