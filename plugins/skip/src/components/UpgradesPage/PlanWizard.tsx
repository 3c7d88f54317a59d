import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormLabel from '@material-ui/core/FormLabel';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import {
  ENVIRONMENTS,
  Environment,
  skipUpgradeRunCreatePermission,
  UpgradeGateOptions,
  UpgradePlan,
  UpgradePlanRequest,
  UpgradeScope,
  UpgradeVersionsResponse,
} from '@internal/plugin-skip-common';
import { skipUpgradesApiRef } from '@internal/plugin-skip-react';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { backendMessage } from './backendMessage';
import { compareReleases } from './compareReleases';
import { PlanPreview } from './PlanPreview';

/** Props of {@link PlanWizard}. */
export type PlanWizardProps = { versions: UpgradeVersionsResponse };

type ScopeKind = UpgradeScope['kind'];
type Failure = { title: string; message: string; hint?: string };

const PLAN_TITLES: Record<number, string> = {
  409: 'The plan was refused',
  403: 'You may not plan upgrades',
  400: 'The plan request is not valid',
};

/**
 * Plans an upgrade: target release, scope and extra gates; "Preview plan" shows every step
 * the backend would run, and "Start run" starts exactly that plan (by its digest), then
 * opens the run. Any change to the form takes the preview away, so what starts is what was shown.
 */
export function PlanWizard(props: PlanWizardProps) {
  const { versions } = props;
  const api = useApi(skipUpgradesApiRef);
  const navigate = useNavigate();
  const mayCreate = usePermission({
    permission: skipUpgradeRunCreatePermission,
  });
  const releases = useMemo(
    () =>
      [...versions.releases].sort((a, b) =>
        compareReleases(b.version, a.version),
      ),
    [versions.releases],
  );
  const clusterNames = useMemo(
    () => versions.clusters.map(c => c.name).sort(),
    [versions.clusters],
  );
  const [targetVersion, setTargetVersion] = useState(
    releases[0]?.version ?? '',
  );
  const [scopeKind, setScopeKind] = useState<ScopeKind>('ladder');
  const [environment, setEnvironment] = useState<Environment>('sandbox');
  const [cluster, setCluster] = useState(clusterNames[0] ?? '');
  const [approvalBefore, setApprovalBefore] = useState<Environment[]>([]);
  const [approvalAfter, setApprovalAfter] = useState<Environment[]>([]);
  const [soak, setSoak] = useState('');
  const [plan, setPlan] = useState<UpgradePlan | undefined>();
  const [failure, setFailure] = useState<Failure | undefined>();
  const [busy, setBusy] = useState<'preview' | 'start' | undefined>();

  const soakSeconds = soak.trim() === '' ? undefined : Number(soak);
  const soakInvalid =
    soakSeconds !== undefined &&
    (!Number.isInteger(soakSeconds) || soakSeconds < 0 || soakSeconds > 604800);

  // Whatever the person changes, the previewed plan no longer is the one they would start.
  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPlan(undefined);
      setFailure(undefined);
    };

  const request = (): UpgradePlanRequest => {
    let scope: UpgradeScope = { kind: 'ladder' };
    if (scopeKind === 'environment')
      scope = { kind: 'environment', environment };
    if (scopeKind === 'cluster') scope = { kind: 'cluster', cluster };
    const gates: UpgradeGateOptions = {};
    if (approvalBefore.length) gates.approvalBefore = approvalBefore;
    if (approvalAfter.length) gates.approvalAfter = approvalAfter;
    if (soakSeconds !== undefined) gates.soakSeconds = soakSeconds;
    return {
      targetVersion,
      scope,
      ...(Object.keys(gates).length ? { gates } : {}),
    };
  };

  const preview = async () => {
    setBusy('preview');
    setFailure(undefined);
    setPlan(undefined);
    try {
      setPlan(await api.buildPlan(request()));
    } catch (e) {
      const { message, status } = backendMessage(e);
      setFailure({
        title: PLAN_TITLES[status ?? 0] ?? 'Could not build the plan',
        message,
      });
    } finally {
      setBusy(undefined);
    }
  };

  const start = async () => {
    if (!plan) return;
    setBusy('start');
    setFailure(undefined);
    try {
      const run = await api.startRun({ ...request(), planDigest: plan.digest });
      navigate(`runs/${encodeURIComponent(run.id)}`, { relative: 'path' });
    } catch (e) {
      const { message, status } = backendMessage(e);
      if (status === 409) {
        // The fleet or the rules changed since the preview: the shown plan is not the one that would run.
        setPlan(undefined);
        setFailure({
          title: 'The run was not started',
          message,
          hint: 'Something changed since the preview (the fleet, or another run took a cluster). Preview the plan again to see what would run now.',
        });
      } else {
        setFailure({
          title:
            status === 403
              ? 'You may not start upgrades'
              : 'Could not start the run',
          message,
        });
      }
    } finally {
      setBusy(undefined);
    }
  };

  const toggle =
    (
      list: Environment[],
      set: (value: Environment[]) => void,
      env: Environment,
    ) =>
    () =>
      changed(set)(
        list.includes(env) ? list.filter(e => e !== env) : [...list, env],
      );

  const denied = !mayCreate.loading && !mayCreate.allowed;
  const canSubmit = !denied && !busy && targetVersion !== '' && !soakInvalid;

  return (
    <InfoCard title="Plan an upgrade">
      {denied && (
        <Box mb={2}>
          <Alert severity="info">
            Only the platform team plans and starts upgrades.
          </Alert>
        </Box>
      )}
      <Grid container spacing={2}>
        <Grid item xs={12} sm={4}>
          <TextField
            id="skip-upgrade-target"
            select
            fullWidth
            variant="outlined"
            size="small"
            label="Target release"
            value={targetVersion}
            onChange={e => changed(setTargetVersion)(e.target.value)}
            SelectProps={{ native: true }}
            helperText="The GKE on VMware release to go to"
          >
            {releases.map(r => (
              <option key={r.version} value={r.version}>
                {r.version} (Kubernetes {r.kubernetesVersion})
              </option>
            ))}
          </TextField>
        </Grid>
        <Grid item xs={12} sm={4}>
          <TextField
            id="skip-upgrade-scope"
            select
            fullWidth
            variant="outlined"
            size="small"
            label="Scope"
            value={scopeKind}
            onChange={e => changed(setScopeKind)(e.target.value as ScopeKind)}
            SelectProps={{ native: true }}
            helperText="What to upgrade"
          >
            <option value="ladder">
              Whole ladder (sandbox → dev → test → prod)
            </option>
            <option value="environment">One environment</option>
            <option value="cluster">One cluster</option>
          </TextField>
        </Grid>
        <Grid item xs={12} sm={4}>
          {scopeKind === 'environment' && (
            <TextField
              id="skip-upgrade-environment"
              select
              fullWidth
              variant="outlined"
              size="small"
              label="Environment"
              value={environment}
              onChange={e =>
                changed(setEnvironment)(e.target.value as Environment)
              }
              SelectProps={{ native: true }}
            >
              {ENVIRONMENTS.map(env => (
                <option key={env} value={env}>
                  {env}
                </option>
              ))}
            </TextField>
          )}
          {scopeKind === 'cluster' && (
            <TextField
              id="skip-upgrade-cluster"
              select
              fullWidth
              variant="outlined"
              size="small"
              label="Cluster"
              value={cluster}
              onChange={e => changed(setCluster)(e.target.value)}
              SelectProps={{ native: true }}
            >
              {clusterNames.map(name => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </TextField>
          )}
        </Grid>
        <ApprovalChoice
          when="before"
          chosen={approvalBefore}
          toggle={env => toggle(approvalBefore, setApprovalBefore, env)}
        />
        <ApprovalChoice
          when="after"
          chosen={approvalAfter}
          toggle={env => toggle(approvalAfter, setApprovalAfter, env)}
        />
        <Grid item xs={12} sm={4}>
          <TextField
            id="skip-upgrade-soak"
            fullWidth
            variant="outlined"
            size="small"
            type="number"
            label="Soak seconds"
            value={soak}
            onChange={e => changed(setSoak)(e.target.value)}
            error={soakInvalid}
            helperText={
              soakInvalid
                ? 'A whole number of seconds, 0 to 604800 (a week)'
                : 'How long to watch each stage before the next; empty for the configured time'
            }
            inputProps={{ min: 0, max: 604800 }}
          />
        </Grid>
      </Grid>
      <Box mt={2} display="flex" gridGap={8} alignItems="center">
        <Button
          variant="outlined"
          color="primary"
          disabled={!canSubmit}
          onClick={preview}
        >
          Preview plan
        </Button>
        <Button
          variant="contained"
          color="primary"
          disabled={!canSubmit || !plan}
          onClick={start}
        >
          Start run
        </Button>
        {!plan && !denied && (
          <Typography variant="body2" color="textSecondary">
            Preview the plan first: a run starts exactly the plan you saw.
          </Typography>
        )}
      </Box>
      {failure && (
        <Box mt={2}>
          <Alert severity="error">
            <AlertTitle>{failure.title}</AlertTitle>
            <Typography variant="body2" style={{ whiteSpace: 'pre-wrap' }}>
              {failure.message}
            </Typography>
            {failure.hint && (
              <Typography variant="body2">{failure.hint}</Typography>
            )}
          </Alert>
        </Box>
      )}
      {plan && (
        <Box mt={2}>
          <PlanPreview plan={plan} />
        </Box>
      )}
    </InfoCard>
  );
}

type ApprovalChoiceProps = {
  when: 'before' | 'after';
  chosen: Environment[];
  toggle: (env: Environment) => () => void;
};

/** The stages to ask for an approval before (or after), one checkbox each. */
function ApprovalChoice(props: ApprovalChoiceProps) {
  const { when, chosen, toggle } = props;
  return (
    <Grid item xs={12} sm={4}>
      <FormLabel component="legend">
        {`Ask for an approval ${when} the stage of`}
      </FormLabel>
      <FormGroup row>
        {ENVIRONMENTS.map(env => (
          <FormControlLabel
            key={env}
            label={env}
            control={
              <Checkbox
                size="small"
                checked={chosen.includes(env)}
                onChange={toggle(env)}
                inputProps={{ 'aria-label': `Approval ${when} ${env}` }}
              />
            }
          />
        ))}
      </FormGroup>
    </Grid>
  );
}
