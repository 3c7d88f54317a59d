import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import type {
  OnboardingRights,
  PrefixFieldProblem,
  PrefixRequest,
} from '@internal/plugin-skip-common';
import { skipOnboardingApiRef } from '@internal/plugin-skip-react';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { backendMessage } from '../UpgradesPage/backendMessage';
import { shortRef } from './describeOnboarding';
import { PrefixVerdict } from './PrefixVerdict';
import { RequestStateChip } from './StateChip';
import { usePrefixValidation } from './usePrefixValidation';

/** Props of {@link RequestTab}. */
export type RequestTabProps = {
  rights: OnboardingRights;
  /** Where the Requests tab is, to point to once a request is made. */
  requestsPath: string;
};

/** The fields of the form, as the backend names them in its problems. */
type Field = 'team' | 'prefix' | 'reason';
const FIELDS: Field[] = ['team', 'prefix', 'reason'];

/** The backend's problems by the field they belong to; '' holds those no field fits. */
function problemsByField(problems: PrefixFieldProblem[]) {
  const byField = new Map<Field | '', string[]>();
  for (const p of problems) {
    const field = FIELDS.find(
      f => p.field === f || p.field.startsWith(`${f}.`),
    );
    const key = field ?? '';
    const message = field ? p.message : `${p.field}: ${p.message}`;
    byField.set(key, [...(byField.get(key) ?? []), message]);
  }
  return byField;
}

/**
 * Asks for a prefix for one of the caller's teams. The backend checks it as typing pauses:
 * each problem at its field, the namespaces it would take in listed, and Submit offered
 * only for a prefix the backend will take.
 */
export function RequestTab(props: RequestTabProps) {
  const { rights, requestsPath } = props;
  const api = useApi(skipOnboardingApiRef);
  const [searchParams] = useSearchParams();
  const teams = rights.requestFor;
  const asked = searchParams.get('team');
  const [team, setTeam] = useState(
    asked && teams.includes(asked) ? asked : teams[0] ?? '',
  );
  const [prefix, setPrefix] = useState('');
  const [reason, setReason] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [created, setCreated] = useState<PrefixRequest>();

  const trimmed = prefix.trim();
  const input = useMemo(
    () => (team && trimmed ? { team, prefix: trimmed } : undefined),
    [team, trimmed],
  );
  const validation = usePrefixValidation(input);
  const problems = problemsByField(validation.verdict?.problems ?? []);
  const fieldProps = (field: Field, help?: string) => {
    const messages = problems.get(field);
    return messages
      ? { error: true, helperText: messages.join('; ') }
      : { error: false, helperText: help };
  };
  const valid = !!input && validation.verdict?.valid === true;

  if (teams.length === 0) {
    return (
      <Alert severity="info">
        <AlertTitle>You cannot request a prefix here</AlertTitle>
        Only members of a team can request a prefix for it, and you are not a
        member of a team in the catalog. Ask someone in your team to request it;
        the Requests and Prefixes tabs show what is asked for and granted.
      </Alert>
    );
  }

  const submit = async () => {
    if (!input) return;
    setSubmitting(true);
    setFailure(undefined);
    setCreated(undefined);
    try {
      const reasonText = reason.trim();
      setCreated(
        await api.createRequest(
          reasonText ? { ...input, reason: reasonText } : input,
        ),
      );
      setPrefix('');
      setReason('');
    } catch (e) {
      const { message, status } = backendMessage(e);
      setFailure(status ? `${message} (HTTP ${status})` : message);
    } finally {
      setSubmitting(false);
    }
  };

  const text = { fullWidth: true, variant: 'outlined', size: 'small' } as const;
  return (
    <Box maxWidth={720}>
      {created && (
        <Box mb={2}>
          <Alert severity="success" aria-label="Created request">
            <AlertTitle>
              Requested {created.prefix} for {shortRef(created.team)}
            </AlertTitle>
            <Box display="flex" alignItems="center" gridGap={8}>
              <RequestStateChip state={created.state} />
              <Typography variant="body2">
                Request {created.id}: the platform team decides.{' '}
                <Link to={requestsPath}>See all requests</Link>
              </Typography>
            </Box>
          </Alert>
        </Box>
      )}
      <Typography variant="body2" color="textSecondary" paragraph>
        A prefix ends with a dash, such as <code>newteam-</code>. It may not be
        a prefix of another team's prefix, nor the other way round.
      </Typography>
      <Grid container spacing={2}>
        <Grid item xs={12} sm={5}>
          <TextField
            {...text}
            select
            SelectProps={{ native: true }}
            id="onboarding-team"
            label="Team"
            value={team}
            onChange={e => setTeam(e.target.value)}
            {...fieldProps('team', 'Only your own teams')}
          >
            {teams.map(t => (
              <option key={t} value={t}>
                {shortRef(t)}
              </option>
            ))}
          </TextField>
        </Grid>
        <Grid item xs={12} sm={7}>
          <TextField
            {...text}
            id="onboarding-prefix"
            label="Prefix"
            value={prefix}
            placeholder={`${shortRef(team)}-`}
            onChange={e => setPrefix(e.target.value)}
            inputProps={{ maxLength: 63, spellCheck: false }}
            {...fieldProps(
              'prefix',
              "Lowercase letters, digits and '-', ending with '-'",
            )}
          />
        </Grid>
        <Grid item xs={12}>
          <TextField
            {...text}
            multiline
            minRows={2}
            id="onboarding-reason"
            label="Reason (optional)"
            value={reason}
            onChange={e => setReason(e.target.value)}
            inputProps={{ maxLength: 1000 }}
            {...fieldProps('reason', 'What the team will run there')}
          />
        </Grid>
      </Grid>
      <PrefixVerdict
        state={validation}
        unplaced={problems.get('') ?? []}
        checking={!!input}
      />
      {failure && (
        <Box mt={2}>
          <Alert severity="error">Not requested: {failure}</Alert>
        </Box>
      )}
      <Box mt={2}>
        <Button
          variant="contained"
          color="primary"
          disabled={!valid || submitting}
          onClick={submit}
        >
          Submit
        </Button>
      </Box>
    </Box>
  );
}
