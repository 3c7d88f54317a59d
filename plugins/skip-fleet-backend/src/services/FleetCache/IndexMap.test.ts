import { IndexMap } from './IndexMap';

describe('IndexMap', () => {
  it('keeps every claimant of a key until the last one goes', () => {
    const index = new IndexMap<string>();
    index.add('atkv3-dev/ns/app', 'argocd-nonprod/argocd/b', 'b');
    index.add('atkv3-dev/ns/app', 'argocd-nonprod/argocd/a', 'a');
    expect(index.first('atkv3-dev/ns/app')).toBe('a');
    index.remove('atkv3-dev/ns/app', 'argocd-nonprod/argocd/a');
    expect(index.first('atkv3-dev/ns/app')).toBe('b');
    expect(index.size('atkv3-dev/ns/app')).toBe(1);
    index.remove('atkv3-dev/ns/app', 'argocd-nonprod/argocd/b');
    expect(index.values('atkv3-dev/ns/app')).toEqual([]);
    expect(index.first('atkv3-dev/ns/app')).toBeUndefined();
  });
});
