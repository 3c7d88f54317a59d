import { SkiperatorAppSummary } from '@internal/plugin-skip-common';
import { failingApp, healthyApp } from '../../__testUtils__/fixtures';
import { describeAppStates, summarizeAppStates } from './summarizeAppStates';

const inEnv = (
  app: SkiperatorAppSummary,
  environment: SkiperatorAppSummary['environment'],
  cluster = `atkv3-${environment}`,
): SkiperatorAppSummary => ({ ...app, environment, cluster });

describe('describeAppStates', () => {
  it('says how many environments, which fail, and that Argo CD is in sync', () => {
    const apps = [
      inEnv(healthyApp, 'prod'),
      inEnv(failingApp, 'dev'),
      inEnv(healthyApp, 'test'),
    ].map(a => ({
      ...a,
      argo: a.argo && {
        ...a.argo,
        sync: { ...a.argo.sync, status: 'Synced' as const },
      },
    }));
    expect(describeAppStates(summarizeAppStates(apps))).toBe(
      '3 environments · 1 failing (dev) · Synced',
    );
  });

  it('names environments in promotion order, and apps out of sync instead of "Synced"', () => {
    const outOfSync = {
      ...inEnv(healthyApp, 'test'),
      argo: { ...healthyApp.argo!, sync: { status: 'OutOfSync' as const } },
    };
    const apps = [
      inEnv(failingApp, 'prod'),
      inEnv(failingApp, 'sandbox'),
      outOfSync,
    ];
    expect(describeAppStates(summarizeAppStates(apps))).toBe(
      '3 environments · 2 failing (sandbox, prod) · 1 out of sync (test)',
    );
  });

  it('does not say "Synced" while Argo CD cannot tell for an app (its cluster is down, say)', () => {
    const unknown = {
      ...inEnv(healthyApp, 'prod'),
      argo: { ...healthyApp.argo!, sync: { status: 'Unknown' as const } },
    };
    const synced = {
      ...inEnv(healthyApp, 'dev'),
      argo: { ...healthyApp.argo!, sync: { status: 'Synced' as const } },
    };
    expect(describeAppStates(summarizeAppStates([synced, unknown]))).toBe(
      '2 environments · 1 sync unknown (prod)',
    );
  });

  it('says nothing of Argo CD for apps it does not deploy', () => {
    const apps = [{ ...inEnv(healthyApp, 'dev'), argo: undefined }];
    expect(describeAppStates(summarizeAppStates(apps))).toBe('1 environment');
  });
});
