import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Condition, KubeEvent, PodSummary } from '@internal/plugin-skip-common';
import { Age } from '../Age';

/** The resource's conditions, failing ones first. */
export function ConditionList(props: { conditions: Condition[] }) {
  if (props.conditions.length === 0) {
    return <Empty>This resource reports no conditions.</Empty>;
  }
  const sorted = [...props.conditions].sort(
    (a, b) => rank(a.status) - rank(b.status),
  );
  return (
    <Table size="small" aria-label="Conditions">
      <TableHead>
        <TableRow>
          <TableCell>Type</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Reason</TableCell>
          <TableCell>Message</TableCell>
          <TableCell>Since</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {sorted.map(c => (
          <TableRow key={c.type}>
            <TableCell>{c.type}</TableCell>
            <TableCell>
              {c.status === 'True' && <StatusOK>True</StatusOK>}
              {c.status === 'False' && <StatusError>False</StatusError>}
              {c.status === 'Unknown' && <StatusPending>Unknown</StatusPending>}
            </TableCell>
            <TableCell>{c.reason ?? ''}</TableCell>
            <TableCell>{c.message ?? ''}</TableCell>
            <TableCell>
              <Age time={c.lastTransitionTime} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Kubernetes events about the resource and its pods, warnings first. */
export function EventList(props: { events: KubeEvent[] }) {
  if (props.events.length === 0) {
    return (
      <Empty>No recent events (Kubernetes keeps them for about an hour).</Empty>
    );
  }
  const sorted = [...props.events].sort(
    (a, b) =>
      Number(b.type === 'Warning') - Number(a.type === 'Warning') ||
      (b.lastTimestamp ?? '').localeCompare(a.lastTimestamp ?? ''),
  );
  return (
    <Table size="small" aria-label="Events">
      <TableHead>
        <TableRow>
          <TableCell>Type</TableCell>
          <TableCell>Reason</TableCell>
          <TableCell>Message</TableCell>
          <TableCell>Count</TableCell>
          <TableCell>Last seen</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {sorted.map((e, i) => (
          <TableRow key={`${e.reason}-${e.lastTimestamp}-${i}`}>
            <TableCell>
              {e.type === 'Warning' ? (
                <StatusWarning>Warning</StatusWarning>
              ) : (
                e.type
              )}
            </TableCell>
            <TableCell>{e.reason ?? ''}</TableCell>
            <TableCell>{e.message ?? ''}</TableCell>
            <TableCell>{e.count ?? 1}</TableCell>
            <TableCell>
              <Age time={e.lastTimestamp} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The pods and what each container is doing. */
export function PodList(props: { pods: PodSummary[] }) {
  if (props.pods.length === 0) {
    return <Empty>This resource runs no pods.</Empty>;
  }
  return (
    <Table size="small" aria-label="Pods">
      <TableHead>
        <TableRow>
          <TableCell>Pod</TableCell>
          <TableCell>Phase</TableCell>
          <TableCell>Container</TableCell>
          <TableCell>State</TableCell>
          <TableCell>Restarts</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.pods.flatMap(pod =>
          pod.containers.map((c, i) => (
            <TableRow key={`${pod.name}/${c.name}`}>
              <TableCell>{i === 0 ? pod.name : ''}</TableCell>
              <TableCell>{i === 0 ? pod.phase ?? '' : ''}</TableCell>
              <TableCell>{c.name}</TableCell>
              <TableCell>
                {c.ready ? (
                  <StatusOK>{c.state}</StatusOK>
                ) : (
                  <StatusError>
                    {c.state}
                    {c.reason ? `: ${c.reason}` : ''}
                  </StatusError>
                )}
                {c.message && (
                  <Typography variant="caption" display="block">
                    {c.message}
                  </Typography>
                )}
              </TableCell>
              <TableCell>{c.restartCount}</TableCell>
            </TableRow>
          )),
        )}
      </TableBody>
    </Table>
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
