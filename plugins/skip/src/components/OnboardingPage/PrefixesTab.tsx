import { EmptyState } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import type { TeamPrefix, TeamPrefixList } from '@internal/plugin-skip-common';
import { Age } from '@internal/plugin-skip-react';
import { useState } from 'react';
import { shortRef } from './describeOnboarding';
import { ExportDialog } from './ExportDialog';
import { RetireDialog } from './RetireDialog';
import { PrefixSourceChip, PrefixStateChip } from './StateChip';

/** Props of {@link PrefixesTab}. */
export type PrefixesTabProps = {
  prefixes: TeamPrefixList;
  /** Reloads the prefixes after a change. */
  reload: () => void;
};

const useStyles = makeStyles({
  // Prefixes, team names and the buttons read as one word each; the lists wrap instead.
  nowrap: { whiteSpace: 'nowrap' },
  // Cells may break anywhere in this theme: the lists get room to break between names.
  clusters: { minWidth: 160 },
  namespaces: { minWidth: 240 },
});

/** How many namespaces a row names before it counts the rest. */
const SHOWN_NAMESPACES = 6;

function Namespaces(props: { prefix: TeamPrefix }) {
  const { prefix, namespaces } = props.prefix;
  if (namespaces.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        none
      </Typography>
    );
  }
  return (
    <Box component="ul" aria-label={`Namespaces under ${prefix}`} m={0} pl={2}>
      {namespaces.slice(0, SHOWN_NAMESPACES).map(n => (
        <li key={`${n.cluster}/${n.namespace}`}>
          <Typography variant="body2">
            {n.cluster} / {n.namespace}
          </Typography>
        </li>
      ))}
      {namespaces.length > SHOWN_NAMESPACES && (
        <li>
          <Typography variant="body2" color="textSecondary">
            and {namespaces.length - SHOWN_NAMESPACES} more
          </Typography>
        </li>
      )}
    </Box>
  );
}

/**
 * Every prefix, granted here or in the catalog: its team, where it comes from, whether it
 * is in force, the clusters the team's AppProject allows and the namespaces under it today.
 * Everyone may export a prefix's Argo CD objects; the platform team retires.
 */
export function PrefixesTab(props: PrefixesTabProps) {
  const { prefixes, reload } = props;
  const { items, rights } = prefixes;
  const classes = useStyles();
  const [exporting, setExporting] = useState<string>();
  const [retiring, setRetiring] = useState<TeamPrefix>();
  const [retired, setRetired] = useState<TeamPrefix>();

  if (items.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No prefixes yet"
        description="A team's prefix comes from its namespace-prefix annotation in the catalog, or from an approved request."
      />
    );
  }
  return (
    <>
      {retired && (
        <Box mb={2}>
          <Alert severity="success" onClose={() => setRetired(undefined)}>
            Retired {retired.prefix} of {shortRef(retired.team)}
          </Alert>
        </Box>
      )}
      <TableContainer component={Paper}>
        <Table size="small" aria-label="Prefixes">
          <TableHead>
            <TableRow>
              <TableCell>Prefix</TableCell>
              <TableCell>Team</TableCell>
              <TableCell>Source</TableCell>
              <TableCell>State</TableCell>
              <TableCell>Clusters</TableCell>
              <TableCell>Namespaces</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map(p => (
              <TableRow key={p.prefix}>
                <TableCell
                  component="th"
                  scope="row"
                  role="rowheader"
                  className={classes.nowrap}
                >
                  <code>{p.prefix}</code>
                </TableCell>
                <TableCell title={p.team} className={classes.nowrap}>
                  {shortRef(p.team)}
                </TableCell>
                <TableCell>
                  <PrefixSourceChip source={p.source} />
                </TableCell>
                <TableCell>
                  <PrefixStateChip state={p.state} />
                  {p.retiredBy && (
                    <Typography variant="body2" color="textSecondary">
                      by {shortRef(p.retiredBy)}, <Age time={p.retiredAt} />
                    </Typography>
                  )}
                </TableCell>
                <TableCell className={classes.clusters}>
                  <Typography variant="body2">
                    {p.clusters.join(', ') || '–'}
                  </Typography>
                </TableCell>
                <TableCell className={classes.namespaces}>
                  <Namespaces prefix={p} />
                </TableCell>
                <TableCell align="right">
                  <Box display="flex" flexDirection="column" gridGap={4}>
                    <Button
                      size="small"
                      variant="outlined"
                      className={classes.nowrap}
                      aria-label={`Export YAML of ${p.prefix}`}
                      onClick={() => setExporting(p.prefix)}
                    >
                      Export YAML
                    </Button>
                    {rights.decide && p.state === 'active' && (
                      <Button
                        size="small"
                        variant="outlined"
                        className={classes.nowrap}
                        aria-label={`Retire ${p.prefix}`}
                        onClick={() => setRetiring(p)}
                      >
                        Retire
                      </Button>
                    )}
                  </Box>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {exporting && (
        <ExportDialog
          prefix={exporting}
          onClose={() => setExporting(undefined)}
        />
      )}
      {retiring && (
        <RetireDialog
          prefix={retiring}
          onClose={() => setRetiring(undefined)}
          onRetired={p => {
            setRetiring(undefined);
            setRetired(p);
            reload();
          }}
        />
      )}
    </>
  );
}
