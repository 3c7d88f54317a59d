import { InfoCard } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  ENVIRONMENTS,
  type AccessRule,
  type AccessRulesResponse,
} from '@internal/plugin-skip-common';
import { describeNamespaces, environmentsOf } from './describeAccess';

/** Props of {@link RuleMatrix}. */
export type RuleMatrixProps = { rules: AccessRulesResponse };

const useStyles = makeStyles(theme => ({
  escalating: { color: theme.palette.error.main, fontWeight: 'bold' },
  // A rule that binds nothing still shows, so the reason is seen where the role would be.
  notInForce: { opacity: 0.55, textDecoration: 'line-through' },
  entry: { display: 'block', marginBottom: theme.spacing(0.5) },
  // The group names the row: wide enough to read, its IAM emails broken where they must.
  group: { minWidth: 240, width: '28%', overflowWrap: 'anywhere' },
  environment: { width: '18%', verticalAlign: 'top' },
}));

/** One role of a group in one environment, its namespaces briefly, and why it is not in force. */
function RoleEntry(props: { rule: AccessRule; rules: AccessRulesResponse }) {
  const { rule, rules } = props;
  const classes = useStyles();
  const where = describeNamespaces(rule.namespaces, rules.groups);
  const cluster =
    rule.clusters.type === 'cluster' ? ` on ${rule.clusters.cluster}` : '';
  return (
    <span className={classes.entry} title={`Rule ${rule.id}`}>
      <span className={rule.problems.length ? classes.notInForce : undefined}>
        <span className={rule.escalating ? classes.escalating : undefined}>
          {rule.role}
          {rule.escalating && ' (escalating)'}
        </span>{' '}
        <Typography component="span" variant="caption" color="textSecondary">
          · {where}
          {cluster}
        </Typography>
      </span>
      {rule.problems.map(p => (
        <Typography
          key={p}
          variant="caption"
          display="block"
          color="textSecondary"
        >
          Not in force: {p}
        </Typography>
      ))}
    </span>
  );
}

/**
 * Who may do what where, at a glance: one row per group (with the IAM groups RBAC binds),
 * one column per environment, each cell the roles the rules give the group there.
 */
export function RuleMatrix(props: RuleMatrixProps) {
  const { rules } = props;
  const classes = useStyles();
  // Groups the catalog does not know still have rules; they get a row of their own.
  const unknown = [...new Set(rules.rules.map(r => r.group))]
    .filter(ref => !rules.groups.some(g => g.ref === ref))
    .map(ref => ({ ref, title: ref, iamGroups: [] as string[] }));
  const rows = [...rules.groups, ...unknown].filter(g =>
    rules.rules.some(r => r.group === g.ref),
  );
  return (
    <InfoCard
      title="Access by group and environment"
      subheader="The roles each group's IAM groups get, from every rule"
    >
      <Table size="small" aria-label="Access by group and environment">
        <TableHead>
          <TableRow>
            <TableCell>Group</TableCell>
            {ENVIRONMENTS.map(env => (
              <TableCell key={env}>{env}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(group => (
            <TableRow key={group.ref}>
              {/* MUI marks a body th as a cell; it heads its row. */}
              <TableCell
                component="th"
                scope="row"
                role="rowheader"
                className={classes.group}
              >
                <Typography variant="subtitle2">{group.title}</Typography>
                <Typography
                  variant="caption"
                  color="textSecondary"
                  display="block"
                >
                  {group.iamGroups.join(', ') || 'no IAM groups'}
                </Typography>
              </TableCell>
              {ENVIRONMENTS.map(env => (
                <TableCell key={env} className={classes.environment}>
                  {rules.rules
                    .filter(
                      r =>
                        r.group === group.ref &&
                        environmentsOf(r.clusters, rules.environments).includes(
                          env,
                        ),
                    )
                    .map(r => (
                      <RoleEntry key={r.id} rule={r} rules={rules} />
                    ))}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
