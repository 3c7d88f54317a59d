import { renderInTestApp } from '@backstage/frontend-test-utils';
import { skipAccessApiRef } from '@internal/plugin-skip-react';
import { configure } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { FakeSkipAccessApi } from '../../../__testUtils__/fakeSkipAccessApi';
import { AccessPage } from '../AccessPage';

// The page loads lazily, then the rules, then its tab's data: on a busy 2-core CI machine that
// took longer than the 1 s findBy default while the page itself was right.
configure({ asyncUtilTimeout: 5_000 });

/** The access page as plugin.tsx mounts it under /skip, opened at `path` (e.g. `/skip/access/plan`). */
export function renderAccessPage(
  api: FakeSkipAccessApi,
  path = '/skip/access',
) {
  return renderInTestApp(
    <Routes>
      <Route path="/access/*" element={<AccessPage />} />
    </Routes>,
    {
      apis: [[skipAccessApiRef, api]],
      mountPath: '/skip/*',
      initialRouteEntries: [path],
    },
  );
}
