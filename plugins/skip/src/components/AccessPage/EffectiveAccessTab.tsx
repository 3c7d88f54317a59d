import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import type { AccessGroup } from '@internal/plugin-skip-common';
import { AsyncContent, skipAccessApiRef } from '@internal/plugin-skip-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { EffectiveAccessTable } from './EffectiveAccessTable';
import { useAccessData } from './useAccessData';

/** Props of {@link EffectiveAccessTab}. */
export type EffectiveAccessTabProps = { groups: AccessGroup[] };

/**
 * "Who can do what": a group or a user, and every grant they have. The subject is in the
 * URL (`?group=` or `?user=`), so a view can be linked to, as the entity pages do.
 */
export function EffectiveAccessTab(props: EffectiveAccessTabProps) {
  const [params, setParams] = useSearchParams();
  const group = params.get('group') ?? '';
  const user = params.get('user') ?? '';
  const [typedUser, setTypedUser] = useState(user);
  return (
    <>
      <Box mb={2} display="flex" alignItems="flex-start" gridGap={16}>
        <TextField
          id="access-effective-group"
          select
          variant="outlined"
          size="small"
          label="Group"
          value={user ? '' : group}
          onChange={e => setParams({ group: e.target.value })}
          SelectProps={{ native: true }}
        >
          <option value="">Pick a group</option>
          {props.groups.map(g => (
            <option key={g.ref} value={g.ref}>
              {g.title}
            </option>
          ))}
        </TextField>
        <form
          onSubmit={e => {
            e.preventDefault();
            if (typedUser.trim()) setParams({ user: typedUser.trim() });
          }}
        >
          <TextField
            id="access-effective-user"
            variant="outlined"
            size="small"
            label="or a user"
            placeholder="user:default/guest"
            value={typedUser}
            onChange={e => setTypedUser(e.target.value)}
          />{' '}
          <Button type="submit" variant="outlined">
            Show
          </Button>
        </form>
      </Box>
      {(group || user) && (
        <EffectiveAccessOf subject={user ? { user } : { group }} />
      )}
    </>
  );
}

/** The grants of one group or user, loaded when the subject changes. */
function EffectiveAccessOf(props: {
  subject: { group: string } | { user: string };
}) {
  const api = useApi(skipAccessApiRef);
  const key = JSON.stringify(props.subject);
  const state = useAccessData(
    () => api.getEffectiveAccess(JSON.parse(key)),
    [api, key],
  );
  return (
    <AsyncContent state={state} what="the access" loadingRows={6}>
      {access => <EffectiveAccessTable access={access} />}
    </AsyncContent>
  );
}
