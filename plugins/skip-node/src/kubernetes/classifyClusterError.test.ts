import { classifyClusterError } from './classifyClusterError';

describe('classifyClusterError', () => {
  it('sorts network failures, deadlines and cluster answers into categories', () => {
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: {
        code: 'ECONNREFUSED',
        message: 'connect ECONNREFUSED 10.1.2.3:443',
      },
    });
    expect(classifyClusterError(refused)).toMatchObject({
      category: 'unreachable',
    });
    expect(
      classifyClusterError(
        Object.assign(new Error('x'), { name: 'AbortError' }),
      ),
    ).toMatchObject({ category: 'timed-out' });
    expect(classifyClusterError({ code: 403, message: 'forbidden' })).toEqual(
      expect.objectContaining({ category: 'forbidden', status: 403 }),
    );
    expect(classifyClusterError({ code: 404 })).toMatchObject({
      category: 'kind-not-served',
      status: 404,
    });
    expect(classifyClusterError({ code: 401 })).toMatchObject({
      category: 'unauthorized',
    });
    expect(classifyClusterError(new Error('something odd'))).toMatchObject({
      category: 'failed',
    });
  });

  it('keeps addresses in the detail for the log only', () => {
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: {
        code: 'ECONNREFUSED',
        message: 'connect ECONNREFUSED 10.1.2.3:443',
      },
    });
    const classified = classifyClusterError(refused);
    expect(classified.detail).toMatch(/10\.1\.2\.3/);
    expect(JSON.stringify({ category: classified.category })).not.toMatch(
      /10\.1/,
    );
  });
});
