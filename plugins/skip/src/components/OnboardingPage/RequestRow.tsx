import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import KeyboardArrowDownIcon from '@material-ui/icons/KeyboardArrowDown';
import KeyboardArrowRightIcon from '@material-ui/icons/KeyboardArrowRight';
import type { PrefixRequest } from '@internal/plugin-skip-common';
import { Age } from '@internal/plugin-skip-react';
import { useState } from 'react';
import { describeEvent, shortRef } from './describeOnboarding';
import { RequestStateChip } from './StateChip';

/** Props of {@link RequestRow}. */
export type RequestRowProps = {
  request: PrefixRequest;
  /** Opens the review; only for the platform team, on a pending request. */
  onReview?: () => void;
};

/** One request: its state, who asked when and why, the decision, and its history below. */
export function RequestRow(props: RequestRowProps) {
  const { request: r, onReview } = props;
  const [open, setOpen] = useState(false);
  const historyId = `onboarding-history-${r.id}`;
  return (
    <>
      <TableRow>
        <TableCell padding="checkbox">
          <IconButton
            size="small"
            aria-label={`History of ${r.prefix}`}
            aria-expanded={open}
            aria-controls={historyId}
            onClick={() => setOpen(!open)}
          >
            {open ? <KeyboardArrowDownIcon /> : <KeyboardArrowRightIcon />}
          </IconButton>
        </TableCell>
        <TableCell>
          <RequestStateChip state={r.state} />
        </TableCell>
        <TableCell style={{ whiteSpace: 'nowrap' }}>
          <code>{r.prefix}</code>
        </TableCell>
        <TableCell title={r.team} style={{ whiteSpace: 'nowrap' }}>
          {shortRef(r.team)}
        </TableCell>
        <TableCell>
          <Typography variant="body2">
            {shortRef(r.requestedBy)}, <Age time={r.requestedAt} />
          </Typography>
          {r.reason && (
            <Typography variant="body2" color="textSecondary">
              {r.reason}
            </Typography>
          )}
        </TableCell>
        <TableCell>
          {r.decidedBy ? (
            <>
              <Typography variant="body2">
                {shortRef(r.decidedBy)}, <Age time={r.decidedAt} />
              </Typography>
              {r.decision && (
                <Typography variant="body2" color="textSecondary">
                  {r.decision}
                </Typography>
              )}
            </>
          ) : (
            <Typography variant="body2" color="textSecondary">
              –
            </Typography>
          )}
        </TableCell>
        <TableCell align="right">
          {onReview && (
            <Button
              variant="contained"
              color="primary"
              size="small"
              aria-label={`Review ${r.prefix}`}
              onClick={onReview}
            >
              Review
            </Button>
          )}
        </TableCell>
      </TableRow>
      {open && (
        <TableRow id={historyId}>
          <TableCell />
          <TableCell colSpan={6}>
            <Box component="ol" aria-label={`History of request ${r.id}`} m={0}>
              {r.history.map((e, i) => (
                <li key={i}>
                  <Typography variant="body2">
                    <Age time={e.at} />: {describeEvent(e)}
                    {e.message && ` – ${e.message}`}
                  </Typography>
                </li>
              ))}
            </Box>
            {r.gitBranch && (
              <Typography variant="body2" color="textSecondary">
                Git branch: <code>{r.gitBranch}</code>
              </Typography>
            )}
          </TableCell>
        </TableRow>
      )}
    </>
  );
}
