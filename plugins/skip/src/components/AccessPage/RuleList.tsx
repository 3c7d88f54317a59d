import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type {
  AccessRule,
  AccessRulesResponse,
} from '@internal/plugin-skip-common';
import {
  describeClusters,
  describeNamespaces,
  groupTitle,
} from './describeAccess';
import { RuleActions } from './RuleActions';
import { RuleSourceChip } from './RuleSourceChip';

/** Props of {@link RuleList}. */
export type RuleListProps = {
  rules: AccessRulesResponse;
  onEdit: (rule: AccessRule) => void;
  onDelete: (rule: AccessRule) => void;
};

/** Every rule, in force or not, with where it comes from; changeable ones with edit and delete. */
export function RuleList(props: RuleListProps) {
  const { rules, onEdit, onDelete } = props;
  const columns: TableColumn<AccessRule>[] = [
    {
      title: 'Rule',
      field: 'id',
      highlight: true,
      // The id and its description are what a person reads first: never squeezed.
      cellStyle: { minWidth: 240 },
      render: r => (
        <>
          <span>{r.id}</span>
          {r.description && (
            <Typography variant="caption" display="block" color="textSecondary">
              {r.description}
            </Typography>
          )}
          {r.problems.map(p => (
            <Typography key={p} variant="caption" display="block" color="error">
              {p}
            </Typography>
          ))}
        </>
      ),
    },
    {
      title: 'Group',
      cellStyle: { minWidth: 120 },
      render: r => groupTitle(r.group, rules.groups),
    },
    {
      title: 'Role',
      render: r => (r.escalating ? `${r.role} (escalating)` : r.role),
    },
    { title: 'Clusters', render: r => describeClusters(r.clusters) },
    {
      title: 'Namespaces',
      render: r => describeNamespaces(r.namespaces, rules.groups),
    },
    { title: 'Source', render: r => <RuleSourceChip rule={r} /> },
    {
      title: 'Changed by',
      // The user's name is enough here; the full ref is in the tooltip.
      render: r =>
        r.updatedBy ? (
          <span title={r.updatedBy}>
            {r.updatedBy.replace(/^user:(default\/)?/, '')}
          </span>
        ) : (
          '–'
        ),
    },
  ];
  if (rules.rights.writeRules) {
    columns.push({
      title: 'Actions',
      render: r => <RuleActions rule={r} onEdit={onEdit} onDelete={onDelete} />,
    });
  }
  return (
    <Table<AccessRule>
      title="Rules"
      options={{
        paging: rules.rules.length > 20,
        pageSize: 20,
        search: false,
        padding: 'dense',
      }}
      columns={columns}
      // The table writes its own bookkeeping into the rows: give it copies.
      data={rules.rules.map(r => ({ ...r }))}
      emptyContent={<div style={{ padding: 16 }}>There are no rules yet.</div>}
    />
  );
}
