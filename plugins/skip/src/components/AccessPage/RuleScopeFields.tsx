import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import {
  ENVIRONMENTS,
  type AccessRulesResponse,
} from '@internal/plugin-skip-common';
import type { FormField, RuleForm } from './ruleForm';

/** Props of {@link RuleScopeFields}. */
export type RuleScopeFieldsProps = {
  form: RuleForm;
  rules: AccessRulesResponse;
  set: <K extends keyof RuleForm>(key: K, value: RuleForm[K]) => void;
  /** Error and helper text of a field, from the validation. */
  fieldProps: (
    field: FormField,
    help?: string,
  ) => { error: boolean; helperText?: string };
};

const SELECT = {
  select: true,
  fullWidth: true,
  variant: 'outlined',
  size: 'small',
  SelectProps: { native: true },
} as const;

/** Where the rule applies: which clusters, and where on them (cluster-wide, names or a team's prefix). */
export function RuleScopeFields(props: RuleScopeFieldsProps) {
  const { form, rules, set, fieldProps } = props;
  const clusters = rules.environments.flatMap(e => e.clusters).sort();
  const teams = rules.groups.filter(g => g.prefix);
  return (
    <>
      <Grid item xs={12} sm={6}>
        <TextField
          {...SELECT}
          id="access-rule-clusters"
          label="Clusters"
          value={form.clusterType}
          onChange={e =>
            set('clusterType', e.target.value as RuleForm['clusterType'])
          }
          {...fieldProps('clusters.type')}
        >
          <option value="all">All clusters</option>
          <option value="environment">Every cluster of an environment</option>
          <option value="cluster">One cluster</option>
        </TextField>
      </Grid>
      <Grid item xs={12} sm={6}>
        {form.clusterType === 'environment' && (
          <TextField
            {...SELECT}
            id="access-rule-environment"
            label="Environment"
            value={form.environment}
            onChange={e =>
              set('environment', e.target.value as RuleForm['environment'])
            }
            {...fieldProps('clusters.environment')}
          >
            {ENVIRONMENTS.map(env => (
              <option key={env} value={env}>
                {env}
              </option>
            ))}
          </TextField>
        )}
        {form.clusterType === 'cluster' && (
          <TextField
            {...SELECT}
            id="access-rule-cluster"
            label="Cluster"
            value={form.cluster}
            onChange={e => set('cluster', e.target.value)}
            {...fieldProps('clusters.cluster')}
          >
            {clusters.map(c => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </TextField>
        )}
      </Grid>
      <Grid item xs={12} sm={6}>
        <TextField
          {...SELECT}
          id="access-rule-namespaces"
          label="Namespaces"
          value={form.namespaceType}
          onChange={e =>
            set('namespaceType', e.target.value as RuleForm['namespaceType'])
          }
          {...fieldProps('namespaces.type')}
        >
          <option value="cluster-wide">Cluster-wide</option>
          <option value="names">Named namespaces</option>
          <option value="team-prefix">
            A team&apos;s prefix (also namespaces made later)
          </option>
        </TextField>
      </Grid>
      <Grid item xs={12} sm={6}>
        {form.namespaceType === 'names' && (
          <TextField
            id="access-rule-names"
            fullWidth
            variant="outlined"
            size="small"
            label="Namespace names"
            value={form.names}
            onChange={e => set('names', e.target.value)}
            {...fieldProps('namespaces.names', 'Comma-separated')}
          />
        )}
        {form.namespaceType === 'team-prefix' && (
          <TextField
            {...SELECT}
            id="access-rule-team"
            label="Team"
            value={form.team}
            onChange={e => set('team', e.target.value)}
            {...fieldProps('namespaces.team')}
          >
            {/* A rule's team may have lost its prefix since; keep it choosable so the error shows. */}
            {!teams.some(t => t.ref === form.team) && (
              <option value={form.team}>{form.team}</option>
            )}
            {teams.map(t => (
              <option key={t.ref} value={t.ref}>
                {t.title} ({t.prefix})
              </option>
            ))}
          </TextField>
        )}
      </Grid>
    </>
  );
}
