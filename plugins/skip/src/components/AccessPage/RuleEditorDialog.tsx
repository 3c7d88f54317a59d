import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import type {
  AccessRule,
  AccessRulesResponse,
} from '@internal/plugin-skip-common';
import { skipAccessApiRef } from '@internal/plugin-skip-react';
import { useMemo, useState } from 'react';
import { backendMessage } from '../UpgradesPage/backendMessage';
import {
  errorsByField,
  FormField,
  formOf,
  missingFields,
  RuleForm,
  ruleOf,
} from './ruleForm';
import { RuleScopeFields } from './RuleScopeFields';
import { RuleVerdict } from './RuleVerdict';
import { useRuleValidation } from './useRuleValidation';

/** Props of {@link RuleEditorDialog}. */
export type RuleEditorDialogProps = {
  rules: AccessRulesResponse;
  /** The database rule to change; a new rule when undefined. */
  rule?: AccessRule;
  onClose: () => void;
  /** After a save: the page reloads the rules. */
  onSaved: (rule: AccessRule) => void;
};

const ROLE_SUGGESTIONS = ['view', 'edit', 'admin', 'cluster-admin'];

/**
 * Adds or changes a rule. Every change is checked by the backend as typing pauses, each
 * error shown at its field, so Save is only offered for a rule the backend will take.
 */
export function RuleEditorDialog(props: RuleEditorDialogProps) {
  const { rules, rule, onClose, onSaved } = props;
  const api = useApi(skipAccessApiRef);
  const [form, setForm] = useState<RuleForm>(() =>
    formOf(
      rule,
      rules.groups[0]?.ref ?? '',
      rules.environments.flatMap(e => e.clusters)[0] ?? '',
    ),
  );
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const set = <K extends keyof RuleForm>(key: K, value: RuleForm[K]) =>
    setForm(prev => ({ ...prev, [key]: value }));

  const missing = missingFields(form);
  const input = useMemo(() => ruleOf(form), [form]);
  const validation = useRuleValidation(missing.length ? undefined : input);
  const errors = errorsByField([
    ...missing,
    ...(validation.verdict?.errors ?? []),
  ]);
  const fieldProps = (field: FormField, help?: string) => {
    const messages = errors.get(field);
    return messages
      ? { error: true, helperText: messages.join('; ') }
      : { error: false, helperText: help };
  };
  const valid = missing.length === 0 && validation.verdict?.valid === true;

  const save = async () => {
    setSaving(true);
    setSaveError(undefined);
    try {
      onSaved(await (rule ? api.updateRule(input) : api.createRule(input)));
    } catch (e) {
      const { message, status } = backendMessage(e);
      setSaveError(status ? `${message} (HTTP ${status})` : message);
    } finally {
      setSaving(false);
    }
  };

  const text = { fullWidth: true, variant: 'outlined', size: 'small' } as const;
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>{rule ? `Edit rule ${rule.id}` : 'Add rule'}</DialogTitle>
      <DialogContent>
        <Grid container spacing={2}>
          <Grid item xs={12} sm={6}>
            <TextField
              {...text}
              id="access-rule-id"
              label="Id"
              value={form.id}
              disabled={!!rule}
              onChange={e => set('id', e.target.value)}
              {...fieldProps('id', 'Names the bindings; cannot change later')}
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <TextField
              {...text}
              select
              SelectProps={{ native: true }}
              id="access-rule-group"
              label="Group"
              value={form.group}
              onChange={e => set('group', e.target.value)}
              {...fieldProps('group')}
            >
              {/* A rule's group may have left the catalog; keep it choosable so its error shows. */}
              {!rules.groups.some(g => g.ref === form.group) && (
                <option value={form.group}>{form.group}</option>
              )}
              {rules.groups.map(g => (
                <option key={g.ref} value={g.ref}>
                  {g.title} ({g.iamGroups.join(', ') || 'no IAM groups'})
                </option>
              ))}
            </TextField>
          </Grid>
          <Grid item xs={12}>
            <TextField
              {...text}
              id="access-rule-description"
              label="Description"
              value={form.description}
              onChange={e => set('description', e.target.value)}
              {...fieldProps('description', 'Why the group needs this')}
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <TextField
              {...text}
              id="access-rule-role"
              label="Role"
              value={form.role}
              onChange={e => set('role', e.target.value)}
              inputProps={{ list: 'access-rule-roles' }}
              {...fieldProps('role', 'A ClusterRole: view, edit, admin, …')}
            />
            <datalist id="access-rule-roles">
              {ROLE_SUGGESTIONS.map(r => (
                <option key={r} value={r} />
              ))}
            </datalist>
          </Grid>
          <Grid item sm={6} />
          <RuleScopeFields
            form={form}
            rules={rules}
            set={set}
            fieldProps={fieldProps}
          />
        </Grid>
        <RuleVerdict
          state={validation}
          unplaced={errors.get('') ?? []}
          checking={missing.length === 0}
        />
        {saveError && (
          <Alert severity="error">The rule was not saved: {saveError}</Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={!valid || saving}
          onClick={save}
        >
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}
