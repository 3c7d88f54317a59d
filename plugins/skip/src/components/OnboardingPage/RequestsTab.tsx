import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import type {
  OnboardingApprovalResult,
  OnboardingRights,
  PrefixRequest,
  PrefixRequestState,
} from '@internal/plugin-skip-common';
import {
  AsyncContent,
  skipOnboardingApiRef,
} from '@internal/plugin-skip-react';
import { useState } from 'react';
import { useAccessData } from '../AccessPage/useAccessData';
import { ApprovalResultView } from './ApprovalResultView';
import { shortRef } from './describeOnboarding';
import { RequestRow } from './RequestRow';
import { ReviewDialog } from './ReviewDialog';

/** Props of {@link RequestsTab}. */
export type RequestsTabProps = {
  rights: OnboardingRights;
  /** After a decision: the page reloads the prefixes (an approval grants one). */
  onDecided: () => void;
};

const STATES: PrefixRequestState[] = [
  'pending',
  'approved',
  'rejected',
  'withdrawn',
];

/** What the last decision made on this tab was, to show above the list. */
type Decided =
  | { approved: OnboardingApprovalResult }
  | { rejected: PrefixRequest };

/**
 * Every request, newest first, with its state, who asked and decided, and its history; for
 * the platform team, reviewing a pending one: the plan, then approve or reject.
 */
export function RequestsTab(props: RequestsTabProps) {
  const { rights, onDecided } = props;
  const api = useApi(skipOnboardingApiRef);
  const [state, setState] = useState<PrefixRequestState | ''>('');
  const requests = useAccessData(
    () => api.listRequests(state ? { state } : {}),
    [api, state],
  );
  const [reviewing, setReviewing] = useState<PrefixRequest>();
  const [decided, setDecided] = useState<Decided>();

  const decide = (result: Decided) => {
    setReviewing(undefined);
    setDecided(result);
    requests.retry();
    onDecided();
  };

  return (
    <>
      {decided && 'approved' in decided && (
        <Box mb={2}>
          <Alert severity="success" onClose={() => setDecided(undefined)}>
            <AlertTitle>
              Approved {decided.approved.request.prefix} for{' '}
              {shortRef(decided.approved.request.team)}
            </AlertTitle>
            <ApprovalResultView result={decided.approved} />
          </Alert>
        </Box>
      )}
      {decided && 'rejected' in decided && (
        <Box mb={2}>
          <Alert severity="info" onClose={() => setDecided(undefined)}>
            Rejected {decided.rejected.prefix} for{' '}
            {shortRef(decided.rejected.team)}: {decided.rejected.decision}
          </Alert>
        </Box>
      )}
      <Box mb={2}>
        <TextField
          id="onboarding-requests-state"
          select
          variant="outlined"
          size="small"
          label="State"
          value={state}
          onChange={e => setState(e.target.value as PrefixRequestState | '')}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
        >
          <option value="">all</option>
          {STATES.map(s => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </TextField>
      </Box>
      <AsyncContent
        state={requests}
        what="the requests"
        loadingRows={4}
        isEmpty={value => value.items.length === 0}
        empty={{
          title: state ? `No ${state} requests` : 'No requests yet',
          description:
            'A member of a team asks for its prefix on the "Request a prefix" tab.',
        }}
      >
        {value => (
          <TableContainer component={Paper}>
            <Table size="small" aria-label="Prefix requests">
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox" />
                  <TableCell>State</TableCell>
                  <TableCell>Prefix</TableCell>
                  <TableCell>Team</TableCell>
                  <TableCell>Requested</TableCell>
                  <TableCell>Decision</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {value.items.map(r => (
                  <RequestRow
                    key={r.id}
                    request={r}
                    onReview={
                      rights.decide && r.state === 'pending'
                        ? () => setReviewing(r)
                        : undefined
                    }
                  />
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </AsyncContent>
      {reviewing && (
        <ReviewDialog
          request={reviewing}
          onClose={() => setReviewing(undefined)}
          onApproved={approved => decide({ approved })}
          onRejected={rejected => decide({ rejected })}
        />
      )}
    </>
  );
}
