import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
  Table,
  TableColumn,
  TableOptions,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { Condition, KubeEvent, PodSummary } from '@internal/plugin-skip-common';
import { Age } from '@internal/plugin-skip-react';

// The section around each list names it; a dialog needs no toolbar, search or pages.
const listOptions: TableOptions = {
  toolbar: false,
  paging: false,
  search: false,
  padding: 'dense',
};

type ConditionRow = Condition & { id: string };

const conditionColumns: TableColumn<ConditionRow>[] = [
  { title: 'Type', field: 'type' },
  {
    title: 'Status',
    field: 'status',
    render: c => <ConditionStatus status={c.status} />,
  },
  { title: 'Reason', field: 'reason', emptyValue: '' },
  { title: 'Message', field: 'message', emptyValue: '' },
  {
    title: 'Since',
    field: 'lastTransitionTime',
    render: c => <Age time={c.lastTransitionTime} />,
  },
];

/** The resource's conditions, failing ones first. */
export function ConditionList(props: { conditions: Condition[] }) {
  if (props.conditions.length === 0) {
    return <Empty>This resource reports no conditions.</Empty>;
  }
  const rows = [...props.conditions]
    .sort((a, b) => rank(a.status) - rank(b.status))
    .map(c => ({ ...c, id: c.type }));
  return <Table options={listOptions} columns={conditionColumns} data={rows} />;
}

type EventRow = KubeEvent & { id: string };

const eventColumns: TableColumn<EventRow>[] = [
  {
    title: 'Type',
    field: 'type',
    render: e =>
      e.type === 'Warning' ? <StatusWarning>Warning</StatusWarning> : e.type,
  },
  { title: 'Reason', field: 'reason', emptyValue: '' },
  { title: 'Message', field: 'message', emptyValue: '' },
  { title: 'Count', field: 'count', render: e => e.count ?? 1 },
  {
    title: 'Last seen',
    field: 'lastTimestamp',
    render: e => <Age time={e.lastTimestamp} />,
  },
];

/** Kubernetes events about the resource and its pods, warnings first. */
export function EventList(props: { events: KubeEvent[] }) {
  if (props.events.length === 0) {
    return (
      <Empty>No recent events (Kubernetes keeps them for about an hour).</Empty>
    );
  }
  const rows = [...props.events]
    .sort(
      (a, b) =>
        Number(b.type === 'Warning') - Number(a.type === 'Warning') ||
        (b.lastTimestamp ?? '').localeCompare(a.lastTimestamp ?? ''),
    )
    .map((e, i) => ({ ...e, id: `${e.reason}-${e.lastTimestamp}-${i}` }));
  return <Table options={listOptions} columns={eventColumns} data={rows} />;
}

type ContainerRow = PodSummary['containers'][number] & {
  id: string;
  /** The pod's name and phase, on its first container's row only. */
  pod: string;
  phase: string;
};

const podColumns: TableColumn<ContainerRow>[] = [
  { title: 'Pod', field: 'pod' },
  { title: 'Phase', field: 'phase' },
  { title: 'Container', field: 'name' },
  { title: 'State', field: 'state', render: c => <ContainerState {...c} /> },
  { title: 'Restarts', field: 'restartCount' },
];

/** The pods and what each container is doing. */
export function PodList(props: { pods: PodSummary[] }) {
  if (props.pods.length === 0) {
    return <Empty>This resource runs no pods.</Empty>;
  }
  const rows: ContainerRow[] = props.pods.flatMap(pod =>
    pod.containers.map((c, i) => ({
      ...c,
      id: `${pod.name}/${c.name}`,
      pod: i === 0 ? pod.name : '',
      phase: i === 0 ? pod.phase ?? '' : '',
    })),
  );
  return <Table options={listOptions} columns={podColumns} data={rows} />;
}

function ConditionStatus(props: { status: Condition['status'] }) {
  if (props.status === 'True') return <StatusOK>True</StatusOK>;
  if (props.status === 'False') return <StatusError>False</StatusError>;
  return <StatusPending>Unknown</StatusPending>;
}

function ContainerState(props: ContainerRow) {
  return (
    <>
      {props.ready ? (
        <StatusOK>{props.state}</StatusOK>
      ) : (
        <StatusError>
          {props.state}
          {props.reason ? `: ${props.reason}` : ''}
        </StatusError>
      )}
      {props.message && (
        <Typography variant="caption" display="block">
          {props.message}
        </Typography>
      )}
    </>
  );
}

function Empty(props: { children: React.ReactNode }) {
  return (
    <Typography variant="body2" color="textSecondary">
      {props.children}
    </Typography>
  );
}

function rank(status: Condition['status']): number {
  if (status === 'False') return 0;
  if (status === 'Unknown') return 1;
  return 2;
}
