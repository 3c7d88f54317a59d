import {
  openApps,
  openResource,
  withAppToggled,
  withResource,
} from './appsViewParams';

describe('the apps view in the URL', () => {
  it('opens and closes app rows, several at once, keeping other parameters', () => {
    let params = new URLSearchParams('tab=x');
    params = withAppToggled(params, 'atkv3-dev/foo-main/foo-api');
    params = withAppToggled(params, 'atkv3-prod/foo-main/foo-api');
    expect(params.toString()).toBe(
      'tab=x&app=atkv3-dev%2Ffoo-main%2Ffoo-api&app=atkv3-prod%2Ffoo-main%2Ffoo-api',
    );
    expect([...openApps(params)]).toEqual([
      'atkv3-dev/foo-main/foo-api',
      'atkv3-prod/foo-main/foo-api',
    ]);
    params = withAppToggled(params, 'atkv3-dev/foo-main/foo-api');
    expect([...openApps(params)]).toEqual(['atkv3-prod/foo-main/foo-api']);
    expect(params.get('tab')).toBe('x');
  });

  it('reads back the drill-down it wrote, and removes it on close', () => {
    const resource = {
      cluster: 'atkv3-dev',
      namespace: 'foo-main',
      kind: 'Pod',
      name: 'foo-api-7d9f8-abcde',
    };
    const params = withResource(new URLSearchParams('app=a/b/c'), resource);
    expect(params.get('resource')).toBe(
      'atkv3-dev/foo-main/Pod/foo-api-7d9f8-abcde',
    );
    expect(openResource(params)).toEqual(resource);
    const closed = withResource(params, undefined);
    expect(closed.has('resource')).toBe(false);
    expect(closed.get('app')).toBe('a/b/c');
  });

  it('ignores values that do not name an app or a resource', () => {
    const params = new URLSearchParams(
      'app=only/two&app=a//c&resource=atkv3-dev/foo-main/Pod',
    );
    expect(openApps(params).size).toBe(0);
    expect(openResource(params)).toBeUndefined();
  });
});
