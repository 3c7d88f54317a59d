import { Link, Table, TableColumn } from '@backstage/core-components';
import type { UpgradeRunSummary } from '@internal/plugin-skip-common';
import { Age } from '@internal/plugin-skip-react';
import { describeScope } from './describeScope';
import { RunStateChip } from './RunStateChip';

/** Props of {@link RunsTable}. */
export type RunsTableProps = { runs: UpgradeRunSummary[] };

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** Every upgrade run, newest first: what, who, when, where it stands; a run's id opens it. */
export function RunsTable(props: RunsTableProps) {
  const columns: TableColumn<UpgradeRunSummary>[] = [
    {
      title: 'Run',
      field: 'id',
      highlight: true,
      render: r => (
        <Link to={`runs/${encodeURIComponent(r.id)}`} relative="path">
          {r.id}
        </Link>
      ),
    },
    { title: 'Target', field: 'targetVersion' },
    { title: 'Scope', render: r => describeScope(r.scope) },
    {
      title: 'State',
      field: 'state',
      render: r => (
        <span style={NO_WRAP}>
          <RunStateChip state={r.state} />
        </span>
      ),
    },
    { title: 'Started by', field: 'createdBy' },
    { title: 'Started', render: r => <Age time={r.createdAt} /> },
    {
      title: 'Progress',
      render: r => (
        <span style={NO_WRAP}>
          {r.progress.done}/{r.progress.total} steps
        </span>
      ),
    },
    { title: 'Current step', render: r => r.currentStep ?? '–' },
  ];
  return (
    <Table<UpgradeRunSummary>
      title="Runs"
      options={{
        paging: props.runs.length > 20,
        pageSize: 20,
        search: false,
        padding: 'dense',
      }}
      columns={columns}
      data={props.runs}
      emptyContent={
        <div style={{ padding: 16 }}>No upgrade has been run yet.</div>
      }
    />
  );
}
