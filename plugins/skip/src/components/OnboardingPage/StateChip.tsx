import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import type {
  OnboardingPlannedObject,
  PrefixRequestState,
  TeamPrefix,
} from '@internal/plugin-skip-common';

type Tone = 'ok' | 'waiting' | 'bad' | 'neutral';

const useStyles = makeStyles((theme: Theme) => {
  const tone = (color: string) => ({ color, borderColor: color });
  return {
    ok: tone(theme.palette.success.main),
    waiting: tone(theme.palette.warning.dark),
    bad: tone(theme.palette.error.main),
    neutral: tone(theme.palette.text.secondary),
  };
});

function ToneChip(props: { label: string; tone: Tone; title?: string }) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      variant="outlined"
      label={props.label}
      title={props.title}
      className={classes[props.tone]}
    />
  );
}

const REQUEST_TONE: Record<PrefixRequestState, Tone> = {
  pending: 'waiting',
  approved: 'ok',
  rejected: 'bad',
  withdrawn: 'neutral',
};

/** Where a request stands: pending, approved, rejected or withdrawn. */
export function RequestStateChip(props: { state: PrefixRequestState }) {
  return (
    <ToneChip
      label={props.state}
      tone={REQUEST_TONE[props.state] ?? 'neutral'}
    />
  );
}

/** Whether a prefix is in force. */
export function PrefixStateChip(props: { state: TeamPrefix['state'] }) {
  return (
    <ToneChip
      label={props.state}
      tone={props.state === 'active' ? 'ok' : 'neutral'}
    />
  );
}

const SOURCE_WHAT: Record<TeamPrefix['source'], string> = {
  onboarding: 'Granted through this page',
  catalog: "From the team's namespace-prefix annotation in the catalog",
};

/** Where a prefix comes from. */
export function PrefixSourceChip(props: { source: TeamPrefix['source'] }) {
  return (
    <ToneChip
      label={props.source}
      tone="neutral"
      title={SOURCE_WHAT[props.source]}
    />
  );
}

const ACTION_TONE: Record<OnboardingPlannedObject['action'], Tone> = {
  create: 'ok',
  update: 'waiting',
  unchanged: 'neutral',
  conflict: 'bad',
};

/** What an approval does to one object: create, update, nothing, or cannot (conflict). */
export function ActionChip(props: {
  action: OnboardingPlannedObject['action'];
}) {
  return (
    <ToneChip
      label={props.action}
      tone={ACTION_TONE[props.action] ?? 'neutral'}
    />
  );
}

/** What an approval did on one Argo CD instance. */
export function OutcomeChip(props: { outcome: 'applied' | 'failed' }) {
  return (
    <ToneChip
      label={props.outcome}
      tone={props.outcome === 'applied' ? 'ok' : 'bad'}
    />
  );
}
