import { Table } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import {
  byPromotionOrder,
  SkiperatorAppSummary,
} from '@internal/plugin-skip-common';
import { ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { FailingResource, failingResources } from '../../lib/failingResources';
import { AppColumnsOptions, appColumns, AppRow } from './appColumns';

/** Props of {@link AppsTable}. */
export type AppsTableProps = {
  apps: SkiperatorAppSummary[];
  /** Opens the drill-down of a failing resource. */
  onOpenResource: (
    resource: FailingResource,
    app: SkiperatorAppSummary,
  ) => void;
  /**
   * What opens under a row: the app's resource tree, Argo CD details, links. Without it,
   * rows do not open.
   */
  renderAppDetails?: (app: SkiperatorAppSummary) => ReactNode;
  /**
   * The open rows (`<cluster>/<namespace>/<name>`) when the caller keeps them, e.g. in the
   * page's URL; with it, `onToggleDetails` decides what opens. Without it, the table does.
   */
  expanded?: ReadonlySet<string>;
  /** Asked to open or close a row when `expanded` is given. */
  onToggleDetails?: (id: string) => void;
};

const PAGE_SIZE = 20;
/** A component has a handful of rows; search only helps a team with many. */
const SEARCH_FROM_ROWS = 8;

const useStyles = makeStyles(theme => ({
  // Buttons, chips, headers and short values are read as one word: they never wrap.
  // Actions may stack, so the table fits 1280 px without scrolling sideways.
  root: {
    '& th, & .MuiButton-root, & .MuiChip-root': { whiteSpace: 'nowrap' },
    '& td': { verticalAlign: 'top' },
    // MUI's small cells pad 16 + 24 px; seven columns of that cost the room for a column.
    '& th, & td': {
      paddingLeft: theme.spacing(1.5),
      paddingRight: theme.spacing(1.5),
    },
    '& td:last-child > div': { flexWrap: 'wrap' },
  },
  details: {
    padding: theme.spacing(1, 2, 2, 6),
    backgroundColor: theme.palette.background.default,
  },
}));

type TableRow = AppRow & {
  // material-table's per-row state: the open detail panel, set here so polls keep it open.
  tableData: { showDetailPanel?: unknown };
};

/**
 * Apps on every cluster in one table, environments in promotion order (sandbox → prod),
 * paged so thousands of rows stay fast. Failing resources are one click from the
 * drill-down; a row opens to show the app's details.
 */
export function AppsTable(props: AppsTableProps) {
  const { apps, onOpenResource, renderAppDetails, onToggleDetails } = props;
  const classes = useStyles();
  const [ownExpanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const controlled = props.expanded !== undefined;
  const expanded = props.expanded ?? ownExpanded;
  const hasDetails = renderAppDetails !== undefined;

  // material-table renders the panel as a component: one stable identity keeps an open
  // panel (and what it loaded) mounted across polls, while it still shows the newest row.
  const renderRef = useRef(renderAppDetails);
  renderRef.current = renderAppDetails;
  const DetailPanel = useMemo(
    () =>
      function AppDetailsRow(panelProps: { rowData: AppRow }) {
        return (
          <Box
            className={classes.details}
            role="region"
            aria-label={`Details of ${panelProps.rowData.name} on ${panelProps.rowData.cluster}`}
          >
            {renderRef.current?.(panelProps.rowData)}
          </Box>
        );
      },
    [classes.details],
  );

  // Through a ref: a new callback from the caller must not rebuild the columns (page, sort).
  const onToggleDetailsRef = useRef(onToggleDetails);
  onToggleDetailsRef.current = onToggleDetails;
  const onToggle = useCallback(
    (id: string) => {
      if (controlled) {
        onToggleDetailsRef.current?.(id);
        return;
      }
      setExpanded(previous => {
        const next = new Set(previous);
        if (!next.delete(id)) next.add(id);
        return next;
      });
    },
    [controlled],
  );

  const rows = useMemo(
    () =>
      apps
        .map((app): TableRow => {
          const id = `${app.cluster}/${app.namespace}/${app.name}`;
          const open = expanded.has(id);
          return {
            ...app,
            id,
            failing: failingResources(app),
            expanded: open,
            tableData: { showDetailPanel: open ? DetailPanel : undefined },
          };
        })
        .sort((a, b) => byPromotionOrder(a, b) || a.id.localeCompare(b.id)),
    [apps, expanded, DetailPanel],
  );

  // Stable columns keep the table's page and sort across polls.
  const columns = useMemo(() => {
    const options: AppColumnsOptions = { onOpenResource };
    if (hasDetails) options.onToggle = onToggle;
    return appColumns(options);
  }, [onOpenResource, onToggle, hasDetails]);

  const searchable = rows.length >= SEARCH_FROM_ROWS;
  return (
    <div className={classes.root}>
      <Table<AppRow>
        title={searchable ? 'Apps' : undefined}
        columns={columns}
        data={rows}
        detailPanel={hasDetails ? DetailPanel : undefined}
        options={{
          paging: rows.length > PAGE_SIZE,
          pageSize: PAGE_SIZE,
          pageSizeOptions: [20, 50, 100],
          padding: 'dense',
          search: searchable,
          toolbar: searchable,
          draggable: false,
          // The Environment cell holds the toggle, with a name screen readers can use.
          showDetailPanelIcon: false,
        }}
      />
    </div>
  );
}
