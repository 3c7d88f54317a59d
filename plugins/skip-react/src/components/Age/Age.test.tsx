import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Age } from './Age';

describe('Age', () => {
  it('says how long ago, with the exact time at hand', async () => {
    const time = new Date(Date.now() - 3 * 60_000).toISOString();
    await renderInTestApp(<Age time={time} />);
    const age = screen.getByText('3 minutes ago');
    expect(age).toHaveAttribute('title', time);
    expect(age).toHaveAttribute('datetime', time);
  });

  it('shows the fallback when the time is unknown', async () => {
    await renderInTestApp(<Age fallback="never" />);
    expect(screen.getByText('never')).toBeInTheDocument();
  });
});
