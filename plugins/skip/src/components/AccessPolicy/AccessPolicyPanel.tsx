import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { AppAccessPolicy } from '@internal/plugin-skip-common';
import {
  AsyncContent,
  BreakableName,
  skipFleetApiRef,
  useFleetData,
} from '@internal/plugin-skip-react';
import {
  BlockedCallerItem,
  ExternalRuleItem,
  InternalRuleItems,
} from './AccessRuleItems';

/** Props of {@link AccessPolicyPanel}. */
export type AccessPolicyPanelProps = {
  /** The Skiperator app whose accessPolicy to show. */
  app: { cluster: string; namespace: string; name: string };
};

const useStyles = makeStyles(theme => ({
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
    gap: theme.spacing(1, 4),
  },
  list: { listStyle: 'none', margin: 0, padding: 0 },
}));

/**
 * "Who may call this app and whom it calls": the app's Skiperator accessPolicy, each rule
 * resolved to the app, namespace or external host it names, with the rules that point at
 * nothing or that only one side wrote marked and explained.
 */
export function AccessPolicyPanel(props: AccessPolicyPanelProps) {
  const { cluster, namespace, name } = props.app;
  const api = useApi(skipFleetApiRef);
  const state = useFleetData(
    () => api.getAppAccessPolicy({ cluster, namespace, name }),
    [api, cluster, namespace, name],
    // A rule's other side is any app of the cluster: a change there may change a flag here.
    {
      refetchOn: signal =>
        signal.clusters.includes(cluster) ||
        signal.apps.some(key => key.startsWith(`${cluster}/`)),
    },
  );
  return (
    <section aria-label="Access policy">
      <Typography variant="subtitle2" component="h3" gutterBottom>
        Who may call this app, and whom it calls
      </Typography>
      <AsyncContent state={state} what="the access policy" loadingRows={2}>
        {value => <Policy policy={value} />}
      </AsyncContent>
    </section>
  );
}

function Policy(props: { policy: AppAccessPolicy }) {
  const { policy } = props;
  const classes = useStyles();
  if (!policy.declared) {
    return (
      <Typography variant="body2" color="textSecondary">
        This app has no accessPolicy: no other app on{' '}
        <ClusterName cluster={policy.cluster} /> may call it, and it may call no
        other app and no external host.
      </Typography>
    );
  }
  const callers = policy.inbound.length + policy.blockedCallers.length;
  const calls = policy.outbound.length + policy.external.length;
  return (
    <>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        Rules of spec.accessPolicy, resolved against the apps on{' '}
        <ClusterName cluster={policy.cluster} />. Traffic between two apps flows
        only when both allow it.
        {policy.skiperatorStatus === 'InvalidConfig' &&
          ' Skiperator reports this access policy as invalid.'}
      </Typography>
      <div className={classes.columns}>
        <section aria-label="May call this app">
          <Typography variant="overline" component="h4">
            May call this app
          </Typography>
          {callers === 0 ? (
            <None>No app may call it.</None>
          ) : (
            <ul className={classes.list}>
              {policy.inbound.map((rule, index) => (
                <InternalRuleItems
                  key={index}
                  rule={rule}
                  direction="inbound"
                />
              ))}
              {policy.blockedCallers.map(caller => (
                <BlockedCallerItem
                  key={`${caller.namespace}/${caller.name}`}
                  caller={caller}
                />
              ))}
            </ul>
          )}
        </section>
        <section aria-label="This app calls">
          <Typography variant="overline" component="h4">
            This app calls
          </Typography>
          {calls === 0 ? (
            <None>It may call no other app and no external host.</None>
          ) : (
            <ul className={classes.list}>
              {policy.outbound.map((rule, index) => (
                <InternalRuleItems
                  key={index}
                  rule={rule}
                  direction="outbound"
                />
              ))}
              {policy.external.map(rule => (
                <ExternalRuleItem key={rule.host} rule={rule} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

function ClusterName(props: { cluster: string }) {
  return (
    <Link to={`/skip/clusters/${encodeURIComponent(props.cluster)}`}>
      <BreakableName name={props.cluster} />
    </Link>
  );
}

function None(props: { children: string }) {
  return (
    <Typography variant="body2" color="textSecondary">
      {props.children}
    </Typography>
  );
}
