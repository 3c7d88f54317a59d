import { describeInitiator, shortRevision } from './argoText';

describe('describeInitiator', () => {
  it('names a person the portal recorded by entity ref by their user name', () => {
    expect(describeInitiator({ username: 'user:default/pia' })).toBe('pia');
    expect(describeInitiator({ username: 'admin' })).toBe('admin');
  });

  it('says auto-sync when Argo CD started it, and unknown when nobody is recorded', () => {
    expect(describeInitiator({ automated: true })).toBe('auto-sync');
    expect(describeInitiator(undefined)).toBe('unknown');
  });
});

describe('shortRevision', () => {
  it('shortens a git sha to 7 characters and leaves tags whole', () => {
    expect(shortRevision('a1b2c3d4e5f60718293a4b5c6d7e8f9012345678')).toBe(
      'a1b2c3d',
    );
    expect(shortRevision('v1.4.0')).toBe('v1.4.0');
  });
});
