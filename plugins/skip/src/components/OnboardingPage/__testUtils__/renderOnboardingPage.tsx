import { renderInTestApp } from '@backstage/frontend-test-utils';
import { skipOnboardingApiRef } from '@internal/plugin-skip-react';
import { configure } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { FakeSkipOnboardingApi } from '../../../__testUtils__/fakeSkipOnboardingApi';
import { OnboardingPage } from '../OnboardingPage';

// The page loads lazily, then the prefixes, then its tab's data: on a busy 2-core CI machine
// that can take longer than the 1 s findBy default while the page itself is right.
configure({ asyncUtilTimeout: 5_000 });

/** The onboarding page as plugin.tsx mounts it under /skip, opened at `path` (e.g. `/skip/onboarding/requests`). */
export function renderOnboardingPage(
  api: FakeSkipOnboardingApi,
  path = '/skip/onboarding',
) {
  return renderInTestApp(
    <Routes>
      <Route path="/onboarding/*" element={<OnboardingPage />} />
    </Routes>,
    {
      apis: [[skipOnboardingApiRef, api]],
      mountPath: '/skip/*',
      initialRouteEntries: [path],
    },
  );
}
