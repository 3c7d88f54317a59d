import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import {
  type AccessGrant,
  type EffectiveAccess,
} from '@internal/plugin-skip-common';
import { AsyncContent, skipAccessApiRef } from '@internal/plugin-skip-react';
import { useLocation } from 'react-router-dom';
import { useAccessData } from '../AccessPage/useAccessData';

/** How many grants of a kind the card names before it points to the tab. */
const SHOWN = 5;

function place(grant: AccessGrant): string {
  return `${grant.namespace ?? 'cluster-wide'} on ${grant.cluster}`;
}

function source(grant: AccessGrant): string {
  if (grant.via === 'rule') return `rule ${grant.ruleId}`;
  const b = grant.binding;
  return b
    ? `${b.kind} ${b.namespace ? `${b.namespace}/${b.name}` : b.name}`
    : 'a binding';
}

/** A titled list of grants, at most {@link SHOWN} of them. */
function GrantList(props: { title: string; grants: AccessGrant[] }) {
  const { title, grants } = props;
  if (grants.length === 0) return null;
  return (
    <>
      <Typography variant="subtitle2">{title}</Typography>
      <ul aria-label={title} style={{ marginTop: 4 }}>
        {grants.slice(0, SHOWN).map(g => (
          <li key={`${g.cluster}/${g.namespace}/${g.role}/${source(g)}`}>
            <Typography variant="body2">
              {g.role} in {place(g)} · {source(g)}
            </Typography>
          </li>
        ))}
        {grants.length > SHOWN && (
          <li>
            <Typography variant="body2" color="textSecondary">
              and {grants.length - SHOWN} more
            </Typography>
          </li>
        )}
      </ul>
    </>
  );
}

/** The summary: how much, and what deserves a look (escalating, or made outside the portal). */
function AccessSummary(props: { access: EffectiveAccess }) {
  const { grants, unreachable } = props.access;
  const clusters = new Set(grants.map(g => g.cluster));
  return (
    <>
      <Typography variant="body1" paragraph>
        {grants.length} grants on {clusters.size} clusters
        {unreachable.length > 0 &&
          ` (${unreachable.length} clusters could not be read)`}
      </Typography>
      <GrantList
        title="Escalating roles"
        grants={grants.filter(g => g.escalating)}
      />
      <GrantList
        title="Made outside the portal"
        grants={grants.filter(g => g.via === 'binding' && !g.binding?.managed)}
      />
    </>
  );
}

/**
 * On a Group or User page's overview: what the group (or the user, through their groups) can
 * do on the clusters at a glance; the Access tab lists every grant.
 */
export function EntityAccessCard() {
  const { entity } = useEntity();
  const api = useApi(skipAccessApiRef);
  const ref = stringifyEntityRef(entity);
  const isUser = entity.kind.toLocaleLowerCase('en-US') === 'user';
  const state = useAccessData(
    () => api.getEffectiveAccess(isUser ? { user: ref } : { group: ref }),
    [api, ref, isUser],
  );
  const { pathname } = useLocation();
  return (
    <InfoCard
      title="Access on the clusters"
      subheader="Kubernetes roles through the IAM groups, from rules and bindings"
    >
      <AsyncContent state={state} what="the access" loadingRows={3}>
        {access => <AccessSummary access={access} />}
      </AsyncContent>
      <Link to={`${pathname.replace(/\/$/, '')}/access`}>
        Every grant, and where it comes from
      </Link>
    </InfoCard>
  );
}
