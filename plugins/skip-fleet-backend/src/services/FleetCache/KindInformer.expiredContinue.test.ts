import { eventually } from '@internal/plugin-skip-node/testUtils';
import { KubeConfig } from '@kubernetes/client-node';
import { KindInformer } from './KindInformer';
import { CachedNamespace } from './kubeTypes';
import { projectWatched } from './projectWatched';
import { ListPage, requestListPage } from './requestListPage';

// The server's side of a list whose continue token expires midway, which the simulator
// cannot be made to do on cue: the pages are scripted here.
jest.mock('./requestListPage', () => ({ requestListPage: jest.fn() }));
const pages = requestListPage as jest.MockedFunction<typeof requestListPage>;

const ns = (name: string) => ({ metadata: { name, resourceVersion: '1' } });
const expired = () =>
  Object.assign(new Error('continue token expired'), { statusCode: 410 });

describe('KindInformer, a list whose continue token expires', () => {
  it('forgets what the abandoned pages held, so an object deleted meanwhile is deleted from the cache', async () => {
    const script: Array<() => ListPage> = [
      // the first list: a and b
      () => ({ items: [ns('a'), ns('b')], resourceVersion: '10' }),
      // the next round: a on page one, then the snapshot is gone; a was deleted meanwhile
      () => ({ items: [ns('a')], resourceVersion: '11', continueToken: 'c1' }),
      () => {
        throw expired();
      },
      () => ({ items: [ns('b')], resourceVersion: '12' }),
    ];
    pages.mockImplementation(async () => {
      const next = script.shift();
      if (!next) return { items: [ns('b')], resourceVersion: '12' };
      return next();
    });
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [{ name: 'c', server: 'https://127.0.0.1:1' }],
      users: [{ name: 'u', token: 't' }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    });
    const deleted: string[] = [];
    /** What the cache held each time a list completed. */
    const afterEachList: string[] = [];
    const informer = new KindInformer<CachedNamespace>({
      kubeConfig,
      path: '/api/v1/namespaces',
      project: raw => projectWatched.namespaces(raw),
      pageSize: 1,
      pollIntervalMs: 5,
      onChange: (type, object) => {
        if (type === 'delete') deleted.push(object.metadata.name);
      },
      onAnswer: () => {},
      onListed: () =>
        afterEachList.push(
          informer
            .list()
            .map(o => o.metadata.name)
            .join(),
        ),
      onError: error => {
        throw error;
      },
    });
    informer.start();
    try {
      await eventually(
        () => afterEachList,
        lists => lists.length >= 2,
        'the second list to complete',
      );
      expect(afterEachList.slice(0, 2)).toEqual(['a,b', 'b']);
      expect(deleted).toEqual(['a']);
    } finally {
      informer.stop();
    }
  });
});
