import Button, { ButtonProps } from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { ArgoActionDecision } from '@internal/plugin-skip-common';

/** Props of {@link ReasonedButton}. */
export type ReasonedButtonProps = Omit<ButtonProps, 'disabled'> & {
  /** The backend's decision: a refused action disables the button and its reason becomes the tooltip. */
  decision: ArgoActionDecision;
  /** What the button does, as the tooltip of an allowed button. */
  hint: string;
  /** True while the action runs. */
  busy?: boolean;
};

/**
 * A small button that says why it is disabled: the backend decides who may sync, refresh
 * or roll back, and its reason is shown as the tooltip and read as the description.
 */
export function ReasonedButton(props: ReasonedButtonProps) {
  const { decision, hint, busy, style, ...buttonProps } = props;
  const denied = !decision.allowed;
  const reason = denied ? decision.reason ?? 'Not allowed' : undefined;
  return (
    <Tooltip title={reason ?? hint}>
      {/* A disabled button fires no events; the span lets the tooltip explain why. */}
      <span>
        <Button
          size="small"
          variant="outlined"
          {...buttonProps}
          style={{ whiteSpace: 'nowrap', ...style }}
          aria-description={reason}
          disabled={denied || busy}
        />
      </span>
    </Tooltip>
  );
}
