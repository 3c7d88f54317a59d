import type { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_IAM_GROUPS,
  ANNOTATION_NAMESPACE_PREFIX,
} from '@internal/plugin-skip-common';
import type { AccessGroupInfo } from '../../model/types';

const CACHE_MS = 15_000;

/** A user as access needs them: their groups and email. */
export type AccessUserInfo = {
  ref: string;
  email?: string;
  groupRefs: string[];
};

function splitEmails(value: string | undefined): string[] {
  return [
    ...new Set(
      (value ?? '')
        .split(',')
        .map(s => s.trim().toLocaleLowerCase('en-US'))
        .filter(Boolean),
    ),
  ].sort();
}

/**
 * The catalog's groups with their IAM group emails and prefixes, read with the plugin's own
 * credentials (who may bind what must not depend on what the caller may see) and kept for a
 * few seconds, so a page of rules, plans and drift reads the catalog once.
 */
export class GroupDirectory {
  private cached?: { at: number; groups: Promise<AccessGroupInfo[]> };

  private constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  static create(options: {
    catalog: CatalogService;
    auth: AuthService;
  }): GroupDirectory {
    return new GroupDirectory(options.catalog, options.auth);
  }

  async groups(): Promise<AccessGroupInfo[]> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > CACHE_MS) {
      const groups = this.readGroups();
      this.cached = { at: now, groups };
      groups.catch(() => {
        this.cached = undefined;
      });
    }
    return this.cached.groups;
  }

  /** Forgets the cached groups (after a catalog change the caller knows of). */
  forget(): void {
    this.cached = undefined;
  }

  async user(ref: string): Promise<AccessUserInfo> {
    const normalised = normaliseRef(ref, 'user');
    let entity: Entity | undefined;
    try {
      entity = await this.catalog.getEntityByRef(normalised, {
        credentials: await this.auth.getOwnServiceCredentials(),
      });
    } catch (error) {
      throw new ServiceUnavailableError(
        `The catalog did not answer: ${(error as Error).message}`,
      );
    }
    if (!entity || entity.kind.toLocaleLowerCase('en-US') !== 'user') {
      throw new NotFoundError(`user: no user '${normalised}' in the catalog`);
    }
    return {
      ref: normalised,
      email: (entity.spec?.profile as { email?: string } | undefined)?.email,
      groupRefs: (entity.relations ?? [])
        .filter(r => r.type === RELATION_MEMBER_OF)
        .map(r => r.targetRef.toLocaleLowerCase('en-US'))
        .filter(r => r.startsWith('group:'))
        .sort(),
    };
  }

  private async readGroups(): Promise<AccessGroupInfo[]> {
    let items: Entity[];
    let prefixResources: Entity[];
    try {
      const credentials = await this.auth.getOwnServiceCredentials();
      [{ items }, { items: prefixResources }] = await Promise.all([
        this.catalog.getEntities(
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
          { credentials },
        ),
        // Prefixes granted through the onboarding plugin are Resources owned by their team.
        this.catalog.getEntities(
          {
            // Only the onboarding plugin's: a Resource from anyone's catalog-info.yaml grants nothing.
            filter: {
              kind: 'Resource',
              'spec.type': 'namespace-prefix',
              'metadata.annotations.backstage.io/managed-by-origin-location':
                'skip-onboarding:prefixes',
            },
            fields: ['metadata.annotations', 'spec.owner'],
          },
          { credentials },
        ),
      ]);
    } catch (error) {
      throw new ServiceUnavailableError(
        `The catalog did not answer, so groups are unknown; try again (${
          (error as Error).message
        })`,
      );
    }
    const granted = new Map<string, string>();
    for (const resource of prefixResources) {
      const prefix =
        resource.metadata.annotations?.[ANNOTATION_NAMESPACE_PREFIX]?.trim();
      const owner = String(resource.spec?.owner ?? '').toLocaleLowerCase(
        'en-US',
      );
      if (prefix && owner && !granted.has(owner)) granted.set(owner, prefix);
    }
    return items
      .map(group => {
        const ref = stringifyEntityRef(group).toLocaleLowerCase('en-US');
        return {
          ref,
          title: group.metadata.title ?? group.metadata.name,
          iamGroups: splitEmails(
            group.metadata.annotations?.[ANNOTATION_IAM_GROUPS],
          ),
          prefix:
            group.metadata.annotations?.[ANNOTATION_NAMESPACE_PREFIX]?.trim() ||
            granted.get(ref) ||
            undefined,
        };
      })
      .sort((a, b) => a.ref.localeCompare(b.ref));
  }
}

/** `guest` or `user:guest` → `user:default/guest`, lower-cased. */
export function normaliseRef(ref: string, kind: 'user' | 'group'): string {
  let parsed;
  try {
    parsed = parseEntityRef(ref, {
      defaultKind: kind,
      defaultNamespace: 'default',
    });
  } catch {
    throw new InputError(`${kind}: '${ref}' is not a ${kind} ref`);
  }
  if (parsed.kind.toLocaleLowerCase('en-US') !== kind) {
    throw new InputError(`${kind}: '${ref}' is not a ${kind} ref`);
  }
  return stringifyEntityRef(parsed).toLocaleLowerCase('en-US');
}
