import { KubeObject } from '../store/types';
import { parseFieldSelector, parseLabelSelector } from './selectors';

const obj = (labels: Record<string, string>, extra: Partial<KubeObject> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'e', namespace: 'ns', labels },
  ...extra,
});

describe('selectors', () => {
  it('matches label selectors with =, ==, !=, exists, !exists, in and notin', () => {
    const web = obj({ app: 'web', tier: 'front' });
    const match = (s: string) => parseLabelSelector(s)!(web);
    expect(['app=web', 'app==web', 'app!=db', 'tier', '!missing', 'app in (web, db)', 'tier notin (back),app']).toEqual(
      ['app=web', 'app==web', 'app!=db', 'tier', '!missing', 'app in (web, db)', 'tier notin (back),app'].filter(match),
    );
    expect(['app=db', 'app!=web', 'missing', '!tier', 'app in (db)', 'app notin (web)'].filter(match)).toEqual([]);
    expect(() => parseLabelSelector('app in web)')).toThrow();
  });

  it('matches the field selectors the portal and kubectl send, and rejects unknown fields', () => {
    const event = obj({}, { involvedObject: { name: 'web-1', kind: 'Pod' } });
    expect(parseFieldSelector('involvedObject.name=web-1,involvedObject.kind=Pod')!(event)).toBe(true);
    expect(parseFieldSelector('metadata.namespace!=ns')!(event)).toBe(false);
    expect(() => parseFieldSelector('spec.unknown=x')).toThrow('field label not supported');
  });
});
