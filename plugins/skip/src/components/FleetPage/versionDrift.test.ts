import { clusterRow } from '../../__testUtils__/clusters';
import { versionDrift } from './versionDrift';

describe('versionDrift', () => {
  it('marks only the cluster that differs from the most common version of its environment', () => {
    const drift = versionDrift([
      clusterRow('atkv3-prod', 'prod'),
      clusterRow('atkv3-prod2', 'prod'),
      clusterRow('atgcp1-prod', 'prod', { kubernetes: 'v1.31.6-gke.1020000' }),
      clusterRow('atkv3-dev', 'dev', { kubernetes: 'v1.31.6-gke.1020000' }),
    ]);
    expect([...drift.keys()]).toEqual(['atgcp1-prod']);
    expect(drift.get('atgcp1-prod')?.others).toEqual(['v1.30.6-gke.1700']);
  });

  it('marks every cluster of an environment where no version is the most common', () => {
    const drift = versionDrift([
      clusterRow('atkv3-dev', 'dev'),
      clusterRow('atgcp1-dev', 'dev', { kubernetes: 'v1.31.6-gke.1020000' }),
    ]);
    expect([...drift.keys()].sort()).toEqual(['atgcp1-dev', 'atkv3-dev']);
  });

  it('compares admin clusters with each other, not with the user clusters of their environment', () => {
    const drift = versionDrift([
      clusterRow('atkv3-test', 'test', { kubernetes: 'v1.30.8-gke.1300' }),
      clusterRow('atkv3-admin-nonprod', 'test', { role: 'admin' }),
    ]);
    expect(drift.size).toBe(0);
  });
});
