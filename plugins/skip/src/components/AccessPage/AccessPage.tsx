import { Content, ContentHeader, Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { AsyncContent, skipAccessApiRef } from '@internal/plugin-skip-react';
import {
  Link as RouterLink,
  Route,
  Routes,
  useLocation,
  useParams,
} from 'react-router-dom';
import { DriftTab } from './DriftTab';
import { EffectiveAccessTab } from './EffectiveAccessTab';
import { ExportTab } from './ExportTab';
import { PlanTab } from './PlanTab';
import { RulesTab } from './RulesTab';
import { useAccessData } from './useAccessData';

/** Props of {@link AccessPage}. */
export type AccessPageProps = {};

/** The tabs, by the path under the access page each has (so every tab can be linked to). */
const TABS = [
  { path: '', label: 'Rules' },
  { path: 'plan', label: 'Plan' },
  { path: 'drift', label: 'Drift' },
  { path: 'export', label: 'Export' },
  { path: 'effective', label: 'Who can do what' },
];

/**
 * Where the page is mounted and which tab is open, from the URL: the page is a splat
 * route (`/access/*`), so its base is the path without the rest.
 */
function useAccessLocation() {
  const rest = useParams()['*'] ?? '';
  const { pathname } = useLocation();
  const base = pathname
    .slice(0, pathname.length - rest.length)
    .replace(/\/+$/, '');
  return { base, tab: rest.split('/')[0] };
}

/**
 * Access: which IAM groups get which Kubernetes roles where. The rules, the plan that would
 * bring the clusters there, drift from it, the YAML per cluster and "who can do what".
 * Everyone signed in reads; the platform team changes rules and applies (the backend
 * decides, `rights` says what to offer).
 */
export function AccessPage(_props: AccessPageProps) {
  const api = useApi(skipAccessApiRef);
  const rules = useAccessData(() => api.listRules(), [api]);
  const { base, tab } = useAccessLocation();
  const current = TABS.some(t => t.path === tab) ? tab : '';

  return (
    <Content>
      <ContentHeader title="Access" />
      <Box mb={2}>
        <Link to={base.slice(0, base.lastIndexOf('/')) || '/'}>
          ← All clusters
        </Link>
        <Typography variant="body2" color="textSecondary">
          Catalog groups are mapped, through their IAM groups, to Kubernetes
          roles on every cluster: rules say which role where, the plan shows the
          RoleBindings that would change, and an apply writes them.
        </Typography>
      </Box>
      <Box mb={2}>
        <Tabs value={current} indicatorColor="primary" aria-label="Access">
          {TABS.map(t => (
            <Tab
              key={t.path}
              value={t.path}
              label={t.label}
              component={RouterLink}
              to={t.path ? `${base}/${t.path}` : base}
            />
          ))}
        </Tabs>
      </Box>
      <AsyncContent state={rules} what="the access rules" loadingRows={6}>
        {value => (
          <Routes>
            <Route
              path="/"
              element={<RulesTab rules={value} reload={rules.retry} />}
            />
            <Route path="/plan" element={<PlanTab rights={value.rights} />} />
            <Route path="/drift" element={<DriftTab rights={value.rights} />} />
            <Route
              path="/export"
              element={<ExportTab environments={value.environments} />}
            />
            <Route
              path="/effective"
              element={<EffectiveAccessTab groups={value.groups} />}
            />
            <Route
              path="*"
              element={<RulesTab rules={value} reload={rules.retry} />}
            />
          </Routes>
        )}
      </AsyncContent>
    </Content>
  );
}
