import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CoreV1Api, KubernetesObject } from '@kubernetes/client-node';
import type {
  ResourceDetails,
  ResourceRef,
} from '@internal/plugin-skip-common';
import type { ClusterCalls } from '@internal/plugin-skip-node';
import { KIND_API_VERSIONS } from '../kindApiVersions';
import { NamespaceAccess } from '../NamespaceAccess';
import { explainFailure } from '../ResourceTree/explainFailure';
import { findPods } from './findPods';
import { toConditions } from './toConditions';
import { byNewestFirst, toKubeEvent } from './toKubeEvent';
import { toManifest } from './toManifest';
import { toPodSummary } from './toPodSummary';
import { ResourceInspector } from './types';

type Described = KubernetesObject & {
  spec?: { image?: string };
  status?: { summary?: { status?: string; message?: string } };
};

/** The image a Skiperator app runs and its last reported problem, which the explanation may name. */
function contextOf(object: KubernetesObject) {
  const { spec, status } = object as Described;
  const summary = status?.summary;
  const failing =
    summary?.status === 'Error' || summary?.status === 'InvalidConfig';
  return {
    image: typeof spec?.image === 'string' ? spec.image : undefined,
    message: failing ? summary?.message : undefined,
  };
}

/**
 * Reads an object, its pods and their events live from the cluster, once the caller may
 * look into the namespace, within one deadline.
 */
export class DefaultResourceInspector implements ResourceInspector {
  private constructor(
    private readonly access: NamespaceAccess,
    private readonly calls: ClusterCalls,
  ) {}

  static create(options: {
    access: NamespaceAccess;
    calls: ClusterCalls;
  }): DefaultResourceInspector {
    return new DefaultResourceInspector(options.access, options.calls);
  }

  async resourceDetails(
    ref: ResourceRef,
    credentials: BackstageCredentials,
    signal?: AbortSignal,
  ): Promise<ResourceDetails> {
    const { cluster, namespace, kind, name } = ref;
    const apiVersion = KIND_API_VERSIONS[kind];
    if (!apiVersion) {
      throw new InputError(
        `kind: '${kind}' is not one of ${Object.keys(KIND_API_VERSIONS).join(
          ', ',
        )}`,
      );
    }
    await this.access.requireToLookInto(credentials, cluster, namespace);
    const what = `${kind} ${namespace}/${name}`;
    // One deadline for the whole drill-down: a person waits for one cluster at most once.
    const { object, pods, namespaceEvents } = await this.calls.call(
      cluster,
      what,
      async clients => {
        const read = await clients.objects.read<KubernetesObject>({
          apiVersion,
          kind,
          metadata: { name, namespace },
        });
        // One list of the namespace's events instead of one per pod: a team namespace
        // holds few, and a slow cluster is then waited for once, not N+1 times.
        const [found, events] = await Promise.all([
          findPods(clients, read, namespace),
          clients.api(CoreV1Api).listNamespacedEvent({ namespace }),
        ]);
        return { object: read, pods: found, namespaceEvents: events };
      },
      { signal },
    );
    const subjects = new Set([name, ...pods.map(p => p.metadata?.name ?? '')]);
    const evidence = {
      conditions: toConditions(object),
      events: namespaceEvents.items
        .filter(event => subjects.has(event.involvedObject?.name ?? ''))
        .map(event => toKubeEvent(event, name))
        .sort(byNewestFirst),
      pods: pods.map(toPodSummary),
    };
    return {
      cluster,
      apiVersion,
      kind,
      namespace,
      name,
      ...evidence,
      explanation: explainFailure(evidence, contextOf(object)),
      manifest: toManifest(object),
    };
  }
}
