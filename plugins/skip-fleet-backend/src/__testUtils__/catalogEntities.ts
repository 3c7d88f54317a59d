import type { Entity } from '@backstage/catalog-model';

const team = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name,
    annotations: { 'skip.kartverket.no/namespace-prefix': `${name}-` },
  },
  spec: { type: 'team', children: [] },
});

/**
 * The catalog the fleet tests run on: matrikkel's annotated component, the teams matrikkel
 * and seeiendom with their namespace prefixes, and two components named like matrikkel's
 * app, without a SKIP annotation, owned by each team.
 */
export const catalogEntities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'matrikkel-api',
      annotations: { 'skip.kartverket.no/skiperator-apps': 'matrikkel-api' },
    },
    spec: {
      type: 'service',
      owner: 'group:default/matrikkel',
      lifecycle: 'production',
    },
  },
  team('matrikkel'),
  team('seeiendom'),
  ...['seeiendom', 'matrikkel'].map(owner => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'matrikkel-api', namespace: `owned-by-${owner}` },
    spec: {
      type: 'service',
      owner: `group:default/${owner}`,
      lifecycle: 'production',
    },
  })),
];
