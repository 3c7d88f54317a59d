import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CachedEntityReader } from '@internal/plugin-skip-node';
import { EntityLookup } from './EntityLookup';

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'api', namespace: 'default' },
  spec: { owner: 'group:default/team-a' },
};

/** A catalog that shows the component to its owner's member only, counting reads. */
function catalogVisibleTo(userRef: string) {
  return catalogServiceMock.mock({
    getEntityByRef: jest.fn(async (_ref, options) => {
      const credentials =
        options && 'credentials' in options ? options.credentials : undefined;
      const principal = credentials?.principal as
        | { userEntityRef?: string }
        | undefined;
      return principal?.userEntityRef === userRef ? component : undefined;
    }),
  });
}

function lookupOver(catalog: ReturnType<typeof catalogVisibleTo>) {
  return EntityLookup.create({
    entities: CachedEntityReader.create({
      catalog,
      userInfo: mockServices.userInfo(),
      ttlMs: 5_000,
      maxEntries: 100,
    }),
  });
}

describe('EntityLookup', () => {
  const owner = mockCredentials.user('user:default/owner');
  const stranger = mockCredentials.user('user:default/stranger');

  it('asks the catalog once while the entity is cached for the same caller', async () => {
    const catalog = catalogVisibleTo('user:default/owner');
    const lookup = lookupOver(catalog);
    await lookup.get('component:default/api', owner);
    await expect(lookup.get('component:default/api', owner)).resolves.toEqual(
      component,
    );
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(1);
  });

  it('never hands one caller an entity the catalog read for another', async () => {
    const lookup = lookupOver(catalogVisibleTo('user:default/owner'));
    await lookup.get('component:default/api', owner);
    await expect(
      lookup.get('component:default/api', stranger),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: "No entity 'component:default/api' in the catalog",
    });
  });
});
