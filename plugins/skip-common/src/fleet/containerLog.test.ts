import { containerLogSource, describeContainerWait } from './containerLog';

const container = (state: string, reason?: string, restartCount = 0) => ({
  name: 'app',
  state,
  reason,
  restartCount,
});

describe('containerLogSource', () => {
  it('reads the log of a running or terminated container', () => {
    expect(containerLogSource(container('running'))).toEqual({
      kind: 'current',
    });
    expect(containerLogSource(container('terminated', 'Error'))).toEqual({
      kind: 'current',
    });
  });

  it('says a container whose image cannot be pulled has no log yet, because the image is not found', () => {
    for (const reason of ['ImagePullBackOff', 'ErrImagePull']) {
      expect(containerLogSource(container('waiting', reason))).toEqual({
        kind: 'none',
        why: 'waiting: image not found',
      });
    }
  });

  it('says a container being created is starting', () => {
    expect(
      containerLogSource(container('waiting', 'ContainerCreating')),
    ).toEqual({ kind: 'none', why: 'waiting: starting' });
  });

  it("offers a crash-looping container's previous run", () => {
    expect(
      containerLogSource(container('waiting', 'CrashLoopBackOff', 4)),
    ).toEqual({ kind: 'previous', why: 'waiting: restarting after a crash' });
  });

  it('names a waiting reason it has no words for', () => {
    expect(describeContainerWait('CreateContainerConfigError')).toBe(
      'waiting: CreateContainerConfigError',
    );
  });
});
