import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { useApi } from '@backstage/core-plugin-api';
import type {
  AccessRule,
  AccessRulesResponse,
} from '@internal/plugin-skip-common';
import { skipAccessApiRef } from '@internal/plugin-skip-react';
import { useState } from 'react';
import { backendMessage } from '../UpgradesPage/backendMessage';
import { ConfirmDialog } from './ConfirmDialog';
import { RuleEditorDialog } from './RuleEditorDialog';
import { RuleList } from './RuleList';
import { RuleMatrix } from './RuleMatrix';

/** Props of {@link RulesTab}. */
export type RulesTabProps = {
  rules: AccessRulesResponse;
  /** Reloads the rules after a change. */
  reload: () => void;
};

/** Which editor is open: a new rule, an existing one, or none. */
type Editing = { rule?: AccessRule } | undefined;

/**
 * The rules: the group × environment matrix, the list with where each rule comes from,
 * the folder's read errors, and (for the platform team) adding, editing and deleting.
 */
export function RulesTab(props: RulesTabProps) {
  const { rules, reload } = props;
  const api = useApi(skipAccessApiRef);
  const [editing, setEditing] = useState<Editing>();
  const [deleting, setDeleting] = useState<AccessRule>();
  const [failure, setFailure] = useState<string>();

  const remove = async (rule: AccessRule) => {
    setDeleting(undefined);
    setFailure(undefined);
    try {
      await api.deleteRule(rule.id);
    } catch (e) {
      setFailure(
        `Rule ${rule.id} was not deleted: ${backendMessage(e).message}`,
      );
    }
    reload();
  };

  return (
    <>
      {rules.sourceErrors.length > 0 && (
        <Box mb={2}>
          <Alert severity="warning">
            <AlertTitle>
              Some rules in the git folder could not be read
            </AlertTitle>
            <ul aria-label="Rule folder errors">
              {rules.sourceErrors.map(e => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </Alert>
        </Box>
      )}
      {failure && (
        <Box mb={2}>
          <Alert severity="error">{failure}</Alert>
        </Box>
      )}
      <Box mb={2} display="flex" alignItems="center" gridGap={16}>
        {rules.rights.writeRules && (
          <Button
            variant="contained"
            color="primary"
            onClick={() => setEditing({})}
          >
            Add rule
          </Button>
        )}
        <Typography variant="body2" color="textSecondary">
          A changed rule reaches the clusters when the plan is applied.
        </Typography>
      </Box>
      <RuleMatrix rules={rules} />
      <Box mt={3}>
        <RuleList
          rules={rules}
          onEdit={rule => setEditing({ rule })}
          onDelete={setDeleting}
        />
      </Box>
      {editing && (
        <RuleEditorDialog
          rules={rules}
          rule={editing.rule}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            reload();
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete rule ${deleting.id}?`}
          confirmLabel="Delete"
          onCancel={() => setDeleting(undefined)}
          onConfirm={() => remove(deleting)}
        >
          Its bindings are removed from the clusters at the next apply.
        </ConfirmDialog>
      )}
    </>
  );
}
