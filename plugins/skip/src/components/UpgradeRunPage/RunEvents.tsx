import { Table, TableColumn } from '@backstage/core-components';
import type { UpgradeRunEvent } from '@internal/plugin-skip-common';

/** Props of {@link RunEvents}. */
export type RunEventsProps = { events: UpgradeRunEvent[] };

type Row = UpgradeRunEvent & { id: string };

/** Who did what to the run and when, the engine included: the run's audit trail. */
export function RunEvents(props: RunEventsProps) {
  const rows: Row[] = props.events.map((e, i) => ({ ...e, id: String(i) }));
  const columns: TableColumn<Row>[] = [
    {
      title: 'When',
      field: 'at',
      render: e => (
        <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>
      ),
    },
    { title: 'Who', field: 'actor' },
    { title: 'What', field: 'action' },
    { title: 'Step', render: e => e.stepKey ?? '–' },
    { title: 'Detail', render: e => e.detail ?? '' },
  ];
  return (
    <Table<Row>
      title="What happened"
      options={{
        paging: rows.length > 50,
        pageSize: 50,
        search: false,
        padding: 'dense',
      }}
      columns={columns}
      data={rows}
      emptyContent={<div style={{ padding: 16 }}>Nothing yet.</div>}
    />
  );
}
