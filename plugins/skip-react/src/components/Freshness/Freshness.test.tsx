import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Freshness } from './Freshness';

describe('Freshness', () => {
  it('says how old the data is and that it is live', async () => {
    const generatedAt = new Date(Date.now() - 12_000).toISOString();
    await renderInTestApp(<Freshness generatedAt={generatedAt} />);
    expect(screen.getByRole('status')).toHaveTextContent(
      /^Updated 1[23] seconds ago · live$/,
    );
  });

  it('says the latest refresh failed, and why', async () => {
    await renderInTestApp(
      <Freshness
        generatedAt={new Date().toISOString()}
        error={new Error('connect ECONNREFUSED')}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'refresh failed: connect ECONNREFUSED',
    );
  });

  it('says so before anything has loaded', async () => {
    await renderInTestApp(<Freshness />);
    expect(screen.getByRole('status')).toHaveTextContent('Not loaded yet');
  });
});
