import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import App from './App';

const config = {
  app: { title: 'Test' },
  backend: { baseUrl: 'http://localhost:7007' },
  techdocs: {
    storageUrl: 'http://localhost:7007/api/techdocs/static/docs',
  },
  skip: {
    localUsers: [
      {
        name: 'guest',
        title: 'Guest',
        description: 'A product developer in team seeiendom.',
      },
      { name: 'pia', title: 'Pia', description: 'The platform team.' },
    ],
  },
};

/** What the auth backend's guest provider answers: an identity with a token good for an hour. */
function guestSession() {
  const payload = Buffer.from(
    JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 3600 }),
  ).toString('base64url');
  return {
    profile: { displayName: 'Guest' },
    backstageIdentity: {
      token: `e30.${payload}.signature`,
      identity: {
        type: 'user',
        userEntityRef: 'user:development/guest',
        ownershipEntityRefs: ['user:development/guest'],
      },
    },
  };
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

// Loading every plugin of the app takes seconds on a busy CI machine; the default 5 s is too tight.
jest.setTimeout(40_000);

describe('App', () => {
  beforeEach(() => {
    window.localStorage.clear();
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [{ data: config, context: 'test' }] as any,
    };
    // The backend is not running: the guest sign-in answers, everything else is not found.
    jest.spyOn(global, 'fetch').mockImplementation(async input =>
      String(input).endsWith('/api/auth/guest/refresh')
        ? json(200, guestSession())
        : json(404, {
            error: { name: 'NotFoundError', message: 'not in this test' },
            response: { statusCode: 404 },
          }),
    );
  });
  afterEach(() => jest.restoreAllMocks());

  it('offers the local users from config, and after sign-in shows the SKIP page in the menu', async () => {
    render(App.createRoot());

    // The whole app loads its plugins first: seconds on a busy 2-core CI machine.
    const guest = await screen.findByRole(
      'button',
      { name: 'Sign in as Guest' },
      { timeout: 15_000 },
    );
    expect(
      screen.getByRole('button', { name: 'Sign in as Pia' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('A product developer in team seeiendom.'),
    ).toBeInTheDocument();

    await userEvent.click(guest);
    expect(
      await screen.findByRole('link', { name: 'SKIP' }, { timeout: 10_000 }),
    ).toHaveAttribute('href', '/skip');
  });
});
