import { Link } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import {
  routeResolutionApiRef,
  useApiHolder,
} from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { SkiperatorAppSummary } from '@internal/plugin-skip-common';
import { BreakableName } from '@internal/plugin-skip-react';
import { useMemo } from 'react';
import { useLocation } from 'react-router-dom';
import { rootRouteRef } from '../../routes';
import { appLinkTargets } from './appLinkTargets';
import { readObservabilityTemplates } from './observabilityLinks';

/** Props of {@link AppLinks}. */
export type AppLinksProps = { app: SkiperatorAppSummary };

/**
 * Everything one app row links to: its external URLs, the Argo CD app, the repository,
 * Grafana and Loki, and where it runs (the cluster's page, the namespace).
 */
export function AppLinks(props: AppLinksProps) {
  const { app } = props;
  const config = useApi(configApiRef);
  const templates = useMemo(() => readObservabilityTemplates(config), [config]);
  // The fleet page's path as the app mounted it; resolved through the API rather than
  // useRouteRef, so the links render (without the cluster link) where no route is known.
  const routes = useApiHolder().get(routeResolutionApiRef);
  const { pathname } = useLocation();
  const skipPath = routes?.resolve(rootRouteRef, { sourcePath: pathname })?.();
  const links = appLinkTargets(app, templates);
  return (
    <Box
      component="nav"
      aria-label={`Links of ${app.name} on ${app.cluster}`}
      display="flex"
      flexWrap="wrap"
      alignItems="baseline"
      gridColumnGap={16}
      gridRowGap={4}
    >
      <Typography variant="body2" component="span">
        {skipPath ? (
          <Link
            to={`${skipPath}/clusters/${encodeURIComponent(app.cluster)}`}
            title={`Cluster ${app.cluster}`}
          >
            <BreakableName name={app.cluster} />
          </Link>
        ) : (
          <BreakableName name={app.cluster} />
        )}
        {' / '}
        <span title={`Namespace ${app.namespace}`}>
          <BreakableName name={app.namespace} />
        </span>
      </Typography>
      {links.map(link => (
        <Typography variant="body2" component="span" key={link.href}>
          <Link
            to={link.href}
            title={link.title}
            style={{ whiteSpace: 'nowrap' }}
          >
            {link.label}
          </Link>
        </Typography>
      ))}
    </Box>
  );
}
