import {
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
} from '@backstage/core-components';
import {
  configApiRef,
  IdentityApi,
  SignInPageProps,
  useApi,
} from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';

/** One identity offered on the sign-in page (config `skip.localUsers`). */
type LocalUser = {
  /** `guest` for the guest provider, else a catalog user name for the skipLocalUsers provider. */
  name: string;
  title: string;
  description?: string;
};

const STORAGE_KEY = 'skip-portal:local-user';

/** Forgets the chosen identity on sign-out, so the next visit asks again. */
function forgettingOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      window.localStorage.removeItem(STORAGE_KEY);
      await identity.signOut();
    },
  };
}

/**
 * The embedded default's sign-in: pick one of the local users (a product developer, the
 * platform team...) and try the portal with exactly their permissions. Their groups come
 * from the catalog, as with a real provider.
 */
export function LocalUsersSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  const users: LocalUser[] = (
    config.getOptionalConfigArray('skip.localUsers') ?? []
  ).map(c => ({
    name: c.getString('name'),
    title: c.getString('title'),
    description: c.getOptionalString('description'),
  }));
  const [chosen, setChosen] = useState(() =>
    window.localStorage.getItem(STORAGE_KEY),
  );
  const user = users.find(u => u.name === chosen);

  if (user) {
    return (
      <ProxiedSignInPage
        {...props}
        provider={user.name === 'guest' ? 'guest' : 'skipLocalUsers'}
        headers={
          user.name === 'guest' ? {} : { 'x-skip-local-user': user.name }
        }
        onSignInSuccess={identity =>
          props.onSignInSuccess(forgettingOnSignOut(identity))
        }
      />
    );
  }

  const choose = (name: string) => {
    window.localStorage.setItem(STORAGE_KEY, name);
    setChosen(name);
  };
  return (
    <Page themeId="home">
      <Header
        title="SKIP Portal"
        subtitle="Sign in as one of the local users"
      />
      <Content>
        <Grid container spacing={3}>
          {users.map(u => (
            <Grid item xs={12} sm={6} md={4} key={u.name}>
              <InfoCard title={u.title}>
                <Typography variant="body2" paragraph>
                  {u.description}
                </Typography>
                <Button
                  variant="contained"
                  color="primary"
                  onClick={() => choose(u.name)}
                >
                  Sign in as {u.title}
                </Button>
              </InfoCard>
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
}
