import type { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ServiceUnavailableError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_IAM_GROUPS,
  ANNOTATION_NAMESPACE_PREFIX,
} from '@internal/plugin-skip-common';

/** A catalog group as onboarding needs it. */
export type CatalogTeam = {
  /** Lower-case entity ref. */
  ref: string;
  name: string;
  title: string;
  iamGroups: string[];
  /** The prefix the Group's annotation claims (prefixes given before the portal). */
  prefix?: string;
};

const CACHE_MS = 15_000;

/**
 * The catalog's groups, read with the plugin's own credentials (who holds which prefix must
 * not depend on what the caller may see) and kept a few seconds.
 */
export class TeamCatalog {
  private cached?: { at: number; teams: Promise<CatalogTeam[]> };

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async teams(): Promise<CatalogTeam[]> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > CACHE_MS) {
      const teams = this.read();
      this.cached = { at: now, teams };
      teams.catch(() => {
        this.cached = undefined;
      });
    }
    return this.cached.teams;
  }

  async team(ref: string): Promise<CatalogTeam | undefined> {
    const wanted = ref.toLocaleLowerCase('en-US');
    return (await this.teams()).find(t => t.ref === wanted);
  }

  private async read(): Promise<CatalogTeam[]> {
    let items: Entity[];
    try {
      ({ items } = await this.catalog.getEntities(
        {
          filter: { kind: 'Group' },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.title',
            'metadata.annotations',
          ],
        },
        { credentials: await this.auth.getOwnServiceCredentials() },
      ));
    } catch (error) {
      throw new ServiceUnavailableError(
        `The catalog did not answer, so teams are unknown; try again (${
          (error as Error).message
        })`,
      );
    }
    return items.map(group => ({
      ref: stringifyEntityRef(group).toLocaleLowerCase('en-US'),
      name: group.metadata.name,
      title: group.metadata.title ?? group.metadata.name,
      iamGroups: (group.metadata.annotations?.[ANNOTATION_IAM_GROUPS] ?? '')
        .split(',')
        .map(s => s.trim())
        .filter(Boolean),
      prefix:
        group.metadata.annotations?.[ANNOTATION_NAMESPACE_PREFIX]?.trim() ||
        undefined,
    }));
  }
}
