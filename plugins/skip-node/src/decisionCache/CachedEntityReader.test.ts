import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { CachedEntityReader } from './CachedEntityReader';

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'api', namespace: 'default' },
};

/** A catalog that shows the component to the users in `readers` only. */
function catalogShowingTo(readers: Set<string>) {
  return {
    getEntityByRef: jest.fn(
      async (_ref: string, options: { credentials: any }) =>
        readers.has(options.credentials.principal.userEntityRef)
          ? structuredClone(component)
          : undefined,
    ),
  };
}

describe('CachedEntityReader', () => {
  const owner = mockCredentials.user('user:default/owner');
  const stranger = mockCredentials.user('user:default/stranger');

  function readerOver(catalog: ReturnType<typeof catalogShowingTo>) {
    let now = 0;
    const reader = CachedEntityReader.create({
      catalog,
      userInfo: mockServices.userInfo(),
      ttlMs: 5_000,
      maxEntries: 100,
      now: () => now,
    });
    return { reader, advance: (ms: number) => (now += ms) };
  }

  it('reads each entity once per user while fresh, and never shares it between users', async () => {
    const catalog = catalogShowingTo(new Set(['user:default/owner']));
    const { reader } = readerOver(catalog);
    await expect(
      reader.getEntityByRef('component:default/api', owner),
    ).resolves.toEqual(component);
    await expect(
      reader.getEntityByRef('component:default/api', stranger),
    ).resolves.toBeUndefined();
    await reader.getEntityByRef('component:default/api', owner);
    await reader.getEntityByRef('component:default/api', stranger);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(2);
  });

  it('hides an entity the catalog stops showing once the TTL has passed', async () => {
    const readers = new Set(['user:default/owner']);
    const { reader, advance } = readerOver(catalogShowingTo(readers));
    await reader.getEntityByRef('component:default/api', owner);
    readers.delete('user:default/owner');
    advance(5_000);
    await expect(
      reader.getEntityByRef('component:default/api', owner),
    ).resolves.toBeUndefined();
  });

  it('hands out entities that cannot be changed for the next request', async () => {
    const { reader } = readerOver(
      catalogShowingTo(new Set(['user:default/owner'])),
    );
    const entity = await reader.getEntityByRef('component:default/api', owner);
    expect(() => {
      entity!.metadata.name = 'changed';
    }).toThrow(TypeError);
  });
});
