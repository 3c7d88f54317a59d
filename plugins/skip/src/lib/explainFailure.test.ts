import { failingDeployment } from '../__testUtils__/fixtures';
import { explainFailure } from './explainFailure';

describe('explainFailure', () => {
  it('names the image a pod cannot pull', () => {
    expect(explainFailure(failingDeployment, {})).toEqual({
      title: 'Image not found',
      detail: expect.stringContaining(
        'The pod cannot pull ghcr.io/kartverket/foo-api:1.5.0-typo',
      ),
    });
  });

  it('tells a crash loop apart and points at the log', () => {
    const details = {
      ...failingDeployment,
      events: [],
      pods: [
        {
          name: 'foo-api-1',
          phase: 'Running',
          containers: [
            {
              name: 'foo-api',
              ready: false,
              restartCount: 12,
              state: 'waiting',
              reason: 'CrashLoopBackOff',
            },
          ],
        },
      ],
    };
    expect(explainFailure(details, {})?.title).toBe('The app keeps crashing');
    expect(explainFailure(details, {})?.detail).toContain('restarted 12 times');
  });

  it('explains a pod no node can run', () => {
    const details = {
      ...failingDeployment,
      pods: [],
      events: [
        {
          type: 'Warning',
          reason: 'FailedScheduling',
          message: '0/3 nodes are available: 3 Insufficient memory.',
        },
      ],
    };
    expect(explainFailure(details, {})).toEqual({
      title: 'No room for the pod',
      detail: expect.stringContaining('3 Insufficient memory'),
    });
  });

  it('falls back to the failing condition, and says nothing when all is well', () => {
    expect(
      explainFailure({ ...failingDeployment, pods: [], events: [] }, {})
        ?.detail,
    ).toBe('Deployment does not have minimum availability.');
    expect(
      explainFailure(
        { ...failingDeployment, pods: [], events: [], conditions: [] },
        {},
      ),
    ).toBeUndefined();
  });
});
