import { Content, ContentHeader, Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import {
  AsyncContent,
  skipOnboardingApiRef,
} from '@internal/plugin-skip-react';
import {
  Link as RouterLink,
  Route,
  Routes,
  useLocation,
  useParams,
} from 'react-router-dom';
import { useAccessData } from '../AccessPage/useAccessData';
import { PrefixesTab } from './PrefixesTab';
import { RequestsTab } from './RequestsTab';
import { RequestTab } from './RequestTab';

/** Props of {@link OnboardingPage}. */
export type OnboardingPageProps = {};

/** The tabs, by the path under the onboarding page each has (so every tab can be linked to). */
const TABS = [
  { path: '', label: 'Request a prefix' },
  { path: 'requests', label: 'Requests' },
  { path: 'prefixes', label: 'Prefixes' },
];

/**
 * Where the page is mounted and which tab is open, from the URL: the page is a splat
 * route (`/onboarding/*`), so its base is the path without the rest.
 */
function useOnboardingLocation() {
  const rest = useParams()['*'] ?? '';
  const { pathname } = useLocation();
  const base = pathname
    .slice(0, pathname.length - rest.length)
    .replace(/\/+$/, '');
  return { base, tab: rest.split('/')[0] };
}

/**
 * Onboarding: a team claims a namespace prefix, the platform team approves or rejects it,
 * and the team gets an Argo CD AppProject and ApplicationSet for it. Everyone signed in
 * reads; members of a team request for it; the platform team decides and retires (the
 * backend decides, `rights` says what to offer).
 */
export function OnboardingPage(_props: OnboardingPageProps) {
  const api = useApi(skipOnboardingApiRef);
  const prefixes = useAccessData(() => api.listPrefixes(), [api]);
  const { base, tab } = useOnboardingLocation();
  const current = TABS.some(t => t.path === tab) ? tab : '';

  return (
    <Content>
      <ContentHeader title="Onboarding" />
      <Box mb={2}>
        <Link to={base.slice(0, base.lastIndexOf('/')) || '/'}>
          ← All clusters
        </Link>
        <Typography variant="body2" color="textSecondary">
          A team owns the namespaces that start with its prefix. Once the
          platform team approves a requested prefix, the team gets an Argo CD
          AppProject limited to it, an ApplicationSet over its apps repository
          and edit rights in its namespaces.
        </Typography>
      </Box>
      <Box mb={2}>
        <Tabs value={current} indicatorColor="primary" aria-label="Onboarding">
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
      <AsyncContent state={prefixes} what="the prefixes" loadingRows={6}>
        {value => {
          const request = (
            <RequestTab
              rights={value.rights}
              requestsPath={`${base}/requests`}
            />
          );
          return (
            <Routes>
              <Route path="/" element={request} />
              <Route
                path="/requests"
                element={
                  <RequestsTab
                    rights={value.rights}
                    onDecided={prefixes.retry}
                  />
                }
              />
              <Route
                path="/prefixes"
                element={
                  <PrefixesTab prefixes={value} reload={prefixes.retry} />
                }
              />
              <Route path="*" element={request} />
            </Routes>
          );
        }}
      </AsyncContent>
    </Content>
  );
}
