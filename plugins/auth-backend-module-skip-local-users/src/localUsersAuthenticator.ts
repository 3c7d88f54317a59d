import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { createProxyAuthenticator } from '@backstage/plugin-auth-node';

/** The request header that names the local user to sign in as (their entity name or ref). */
export const LOCAL_USER_HEADER = 'x-skip-local-user';

type LocalUsersContext = { users: Set<string>; disabled: boolean };

/** Signs in as the configured user the sign-in page asked for; nobody else. */
export const localUsersAuthenticator = createProxyAuthenticator<
  LocalUsersContext,
  { userEntityRef: string },
  undefined
>({
  defaultProfileTransform: async () => ({ profile: {} }),
  initialize({ config }) {
    const users = new Set(
      config
        .getStringArray('users')
        .map(ref =>
          stringifyEntityRef(parseEntityRef(ref, { defaultKind: 'user' })),
        ),
    );
    const allowOutsideDev = config.getOptionalBoolean(
      'dangerouslyAllowOutsideDevelopment',
    );
    return {
      users,
      disabled:
        process.env.NODE_ENV !== 'development' && allowOutsideDev !== true,
    };
  },
  async authenticate({ req }, { users, disabled }) {
    if (disabled) {
      throw new NotAllowedError(
        "Local users are for development only; set 'auth.providers.skipLocalUsers.dangerouslyAllowOutsideDevelopment' to use them elsewhere",
      );
    }
    const asked = req.header(LOCAL_USER_HEADER)?.trim();
    if (!asked) {
      throw new InputError(`${LOCAL_USER_HEADER}: name the user to sign in as`);
    }
    let userEntityRef: string;
    try {
      userEntityRef = stringifyEntityRef(
        parseEntityRef(asked, {
          defaultKind: 'user',
          defaultNamespace: 'default',
        }),
      );
    } catch {
      throw new InputError(
        `${LOCAL_USER_HEADER}: '${asked}' is not a user name`,
      );
    }
    if (!users.has(userEntityRef)) {
      throw new NotAllowedError(
        `${LOCAL_USER_HEADER}: '${asked}' is not one of the local users`,
      );
    }
    return { result: { userEntityRef } };
  },
});
