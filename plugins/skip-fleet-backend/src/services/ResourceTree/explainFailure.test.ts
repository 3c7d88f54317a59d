import type { FailureEvidence } from './explainFailure';
import { explainFailure } from './explainFailure';

/** A Deployment whose only pod cannot pull its image, as the drill-down reads it. */
const imagePull: FailureEvidence = {
  conditions: [
    {
      type: 'Available',
      status: 'False',
      reason: 'MinimumReplicasUnavailable',
      message: 'Deployment does not have minimum availability.',
    },
  ],
  events: [
    {
      type: 'Warning',
      reason: 'Failed',
      message:
        'Failed to pull image "ghcr.io/kartverket/foo-api:1.5.0-typo": not found',
      count: 7,
    },
  ],
  pods: [
    {
      name: 'foo-api-7d9f8-abcde',
      phase: 'Pending',
      containers: [
        {
          name: 'foo-api',
          ready: false,
          restartCount: 0,
          state: 'waiting',
          reason: 'ImagePullBackOff',
          message:
            'Back-off pulling image "ghcr.io/kartverket/foo-api:1.5.0-typo"',
        },
        { name: 'istio-proxy', ready: true, restartCount: 0, state: 'running' },
      ],
    },
  ],
};

describe('explainFailure, the one place a failure is put in words', () => {
  it('names the image a pod cannot pull', () => {
    expect(explainFailure(imagePull, {})).toEqual({
      title: 'Image not found',
      detail: expect.stringContaining(
        'The pod cannot pull ghcr.io/kartverket/foo-api:1.5.0-typo',
      ),
      reason: 'Image not found: ghcr.io/kartverket/foo-api:1.5.0-typo',
    });
  });

  it('tells a crash loop apart and points at the log', () => {
    const explanation = explainFailure(
      {
        ...imagePull,
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
      },
      {},
    );
    expect(explanation?.title).toBe('The app keeps crashing');
    expect(explanation?.detail).toContain('restarted 12 times');
  });

  it('explains a pod no node can run', () => {
    const explanation = explainFailure(
      {
        ...imagePull,
        pods: [],
        events: [
          {
            type: 'Warning',
            reason: 'FailedScheduling',
            message: '0/3 nodes are available: 3 Insufficient memory.',
          },
        ],
      },
      {},
    );
    expect(explanation?.title).toBe('No room for the pod');
    expect(explanation?.detail).toContain('3 Insufficient memory');
  });

  it('falls back to the failing condition, and says nothing when all is well', () => {
    expect(
      explainFailure({ ...imagePull, pods: [], events: [] }, {})?.detail,
    ).toBe('Deployment does not have minimum availability.');
    expect(
      explainFailure({ conditions: [], pods: [], events: [] }, {}),
    ).toBeUndefined();
  });
});
