import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { FleetDataState } from '../../hooks/useFleetData';
import { backendError } from '../../__testUtils__';
import { AsyncContent } from './AsyncContent';

function renderState(state: Partial<FleetDataState<string[]>>) {
  const retry = jest.fn();
  const rendered = renderInTestApp(
    <AsyncContent
      state={{ loading: false, retry, ...state }}
      what="the apps"
      loadingRows={4}
      isEmpty={apps => apps.length === 0}
      empty={{
        title: 'No apps found',
        description: 'Name your apps in the annotation.',
      }}
    >
      {apps => <p>{apps.join(', ')}</p>}
    </AsyncContent>,
  );
  return { retry, rendered };
}

describe('AsyncContent', () => {
  it('shows skeleton rows, announced as loading, until the first answer', async () => {
    await renderState({ loading: true }).rendered;
    const loading = await screen.findByRole('progressbar', {
      name: 'Loading the apps',
    });
    expect(loading).toHaveAttribute('aria-busy', 'true');
    expect(within(loading).getAllByTestId('skeleton-row')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('shows the designed empty state when the answer holds nothing', async () => {
    await renderState({ value: [] }).rendered;
    expect(screen.getByText('No apps found')).toBeInTheDocument();
    expect(
      screen.getByText('Name your apps in the annotation.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('shows the content once loaded', async () => {
    await renderState({ value: ['foo-api', 'bar-api'] }).rendered;
    expect(screen.getByText('foo-api, bar-api')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText('No apps found')).toBeNull();
  });

  it("names the cause of a failure in the backend's words and offers Retry", async () => {
    const error = await backendError(503, 'Service Unavailable', {
      name: 'ServiceUnavailableError',
      message: 'The catalog did not answer',
    });
    const { retry, rendered } = renderState({ error });
    await rendered;
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not load the apps');
    expect(alert).toHaveTextContent('The catalog did not answer (HTTP 503)');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('tells a refusal apart from a fault: no Retry, the reason as the backend gives it', async () => {
    const error = await backendError(403, 'Forbidden', {
      name: 'NotAllowedError',
      message: "Only the team that owns namespace 'foo-main' may look into it",
    });
    await renderState({ error }).rendered;
    expect(screen.getByText('Not yours to look into')).toBeInTheDocument();
    expect(
      screen.getByText(/Only the team that owns namespace 'foo-main'/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('keeps showing older data when a refresh fails, says so, and offers Retry', async () => {
    const { retry, rendered } = renderState({
      value: ['foo-api'],
      error: new Error('connect ECONNREFUSED'),
    });
    await rendered;
    expect(screen.getByText('foo-api')).toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Showing older data');
    expect(alert).toHaveTextContent(
      'The latest refresh failed: connect ECONNREFUSED',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });
});
