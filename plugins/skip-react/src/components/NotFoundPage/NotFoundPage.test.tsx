import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { NotFoundPage } from './NotFoundPage';

describe('NotFoundPage', () => {
  it('says that nothing is at the address and links back home', async () => {
    await renderInTestApp(
      <NotFoundPage
        what="SKIP page"
        homeTo="/skip"
        homeLabel="Go to the fleet page"
      />,
    );
    expect(
      screen.getByText('No SKIP page at this address'),
    ).toBeInTheDocument();
    // core-components' LinkButton: a link announced as a button.
    expect(
      screen.getByRole('button', { name: 'Go to the fleet page' }),
    ).toHaveAttribute('href', '/skip');
  });
});
