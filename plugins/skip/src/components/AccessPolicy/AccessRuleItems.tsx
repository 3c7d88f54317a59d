import { parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  AccessPeer,
  AccessProblem,
  BlockedCaller,
  ExternalAccessRule,
  InternalAccessRule,
} from '@internal/plugin-skip-common';
import { BreakableName } from '@internal/plugin-skip-react';
import { ReactNode } from 'react';
import { healthTone, StatusLabel } from '../AppsTable/AppStatus';
import { hostUrl } from '../AppLinks/appLinkTargets';

const useStyles = makeStyles(theme => ({
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: theme.spacing(1),
    padding: theme.spacing(0.5, 0),
    minWidth: 0,
  },
  detail: { flexBasis: '100%' },
}));

/** One line of a list: a verdict, what it names, and, when flagged, why in plain words. */
function Item(props: {
  verdict: ReactNode;
  children: ReactNode;
  problems?: AccessProblem[];
}) {
  const classes = useStyles();
  return (
    <li className={classes.item}>
      {props.verdict}
      {props.children}
      {props.problems?.map(problem => (
        <Typography
          key={problem.message}
          variant="caption"
          className={classes.detail}
        >
          {problem.message}
        </Typography>
      ))}
    </li>
  );
}

/** The SKIP tab of the component that claims an app, or the app's name when none does. */
function AppName(props: { app: { name: string; entityRef?: string } }) {
  const { name, entityRef } = props.app;
  if (!entityRef) return <strong>{name}</strong>;
  const ref = parseEntityRef(entityRef);
  const path = `/catalog/${ref.namespace}/${ref.kind.toLocaleLowerCase(
    'en-US',
  )}/${ref.name}/skip`;
  return (
    <Link to={path}>
      <BreakableName name={name} />
    </Link>
  );
}

function Where(props: { namespace?: string; labels?: Record<string, string> }) {
  const { namespace, labels } = props;
  const text = namespace
    ? `in namespace ${namespace}`
    : `in namespaces labelled ${Object.entries(labels ?? {})
        .map(([key, value]) => `${key}=${value}`)
        .join(', ')}`;
  return (
    <Typography variant="body2" component="span" color="textSecondary">
      <BreakableName name={text} />
    </Typography>
  );
}

function PeerHealth(props: { peer: AccessPeer }) {
  if (props.peer.health === 'Healthy') return null;
  const { word } = healthTone(props.peer.health);
  return (
    <Typography variant="body2" component="span" color="textSecondary">
      (the app is {word.toLocaleLowerCase('en-US')})
    </Typography>
  );
}

function Ports(props: { ports: InternalAccessRule['ports'] }) {
  if (props.ports.length === 0) return null;
  const text = props.ports
    .map(p =>
      [p.protocol, p.endPort ? `${p.port}-${p.endPort}` : p.port]
        .filter(Boolean)
        .join(' '),
    )
    .join(', ');
  return (
    <Typography variant="body2" component="span" color="textSecondary">
      port {text}
    </Typography>
  );
}

/**
 * One in-cluster rule: a line per app it names, marked "Both sides allow" or "Other side
 * missing", or one line marked "No such app" when it names none.
 */
export function InternalRuleItems(props: {
  rule: InternalAccessRule;
  direction: 'inbound' | 'outbound';
}) {
  const { rule } = props;
  if (rule.peers.length === 0) {
    return (
      <Item
        verdict={<StatusLabel tone="error">No such app</StatusLabel>}
        problems={rule.problems}
      >
        <AppName app={{ name: rule.application }} />
        <Where namespace={rule.namespace} labels={rule.namespacesByLabel} />
        <Ports ports={rule.ports} />
      </Item>
    );
  }
  return (
    <>
      {rule.peers.map(peer => (
        <Item
          key={`${peer.namespace}/${peer.name}`}
          verdict={
            peer.reciprocated ? (
              <StatusLabel tone="ok">Both sides allow</StatusLabel>
            ) : (
              <StatusLabel tone="warning">Other side missing</StatusLabel>
            )
          }
          problems={rule.problems.filter(
            p =>
              p.peer?.namespace === peer.namespace &&
              p.peer?.name === peer.name,
          )}
        >
          <AppName app={peer} />
          <Where namespace={peer.namespace} />
          <PeerHealth peer={peer} />
          <Ports ports={rule.ports} />
        </Item>
      ))}
    </>
  );
}

/** An app that tries to call this one without being let in. */
export function BlockedCallerItem(props: { caller: BlockedCaller }) {
  const { caller } = props;
  return (
    <Item
      verdict={<StatusLabel tone="warning">Not let in</StatusLabel>}
      problems={[{ kind: 'oneSided', message: caller.message }]}
    >
      <AppName app={caller} />
      <Where namespace={caller.namespace} />
      <PeerHealth peer={caller} />
    </Item>
  );
}

/** An external host, with the ports Skiperator opens to it. */
export function ExternalRuleItem(props: { rule: ExternalAccessRule }) {
  const { rule } = props;
  const ports = rule.ports
    .map(p => `${p.protocol} ${p.port}`)
    .join(', ')
    .concat(rule.defaultPorts ? ' (the default)' : '');
  return (
    <Item
      verdict={
        rule.problems.length ? (
          <StatusLabel tone="error">Cannot open</StatusLabel>
        ) : (
          <StatusLabel tone="ok">External host</StatusLabel>
        )
      }
      problems={rule.problems}
    >
      {hostUrl(rule.host) ? (
        <Link to={hostUrl(rule.host)!}>
          <BreakableName name={rule.host} />
        </Link>
      ) : (
        // A wildcard or anything but a plain host name: shown, never a link.
        <BreakableName name={rule.host} />
      )}
      <Typography variant="body2" component="span" color="textSecondary">
        {ports}
        {rule.ip ? ` at ${rule.ip}` : ''}
      </Typography>
    </Item>
  );
}
