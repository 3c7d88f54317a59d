import type {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';

/**
 * The key of a caller's cached answers: a signed-in user with the ownership refs their token
 * carries (what a permission policy and the catalog's read filter decide on), and the service
 * acting for them if any. Undefined for anyone else, whose answers are not cached: service
 * principals are decided locally from their token's access restrictions already (no call to
 * the permission backend), and nobody (`none`) is refused before anything is looked up.
 */
export async function principalKey(
  credentials: BackstageCredentials,
  userInfo: UserInfoService,
): Promise<string | undefined> {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    actor?: { subject?: string };
  };
  if (principal.type !== 'user' || !principal.userEntityRef) return undefined;
  let ownership: string[];
  try {
    ({ ownershipEntityRefs: ownership } = await userInfo.getUserInfo(
      credentials,
    ));
  } catch {
    // Not knowing who they are is no reason to fail here: the uncached call decides as it always did.
    return undefined;
  }
  return JSON.stringify([
    principal.userEntityRef,
    principal.actor?.subject ?? '',
    [...ownership].sort(),
  ]);
}
