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
import { findPods } from './findPods';
import { toConditions } from './toConditions';
import { byNewestFirst, toKubeEvent } from './toKubeEvent';
import { toPodSummary } from './toPodSummary';
import { ResourceInspector } from './types';

/**
 * Reads an object, its pods and their events live from the cluster, once the caller may
 * look into the namespace. Each of the three steps has its own deadline.
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
    const object = await this.calls.call(cluster, what, ({ objects }) =>
      objects.read<KubernetesObject>({
        apiVersion,
        kind,
        metadata: { name, namespace },
      }),
    );
    const pods = await this.calls.call(cluster, what, clients =>
      findPods(clients, object, namespace),
    );
    const subjects = [name, ...pods.map(p => p.metadata?.name ?? '')];
    const eventLists = await this.calls.call(cluster, what, ({ api }) => {
      const core = api(CoreV1Api);
      return Promise.all(
        subjects.map(subject =>
          core.listNamespacedEvent({
            namespace,
            fieldSelector: `involvedObject.name=${subject}`,
          }),
        ),
      );
    });
    return {
      cluster,
      apiVersion,
      kind,
      namespace,
      name,
      conditions: toConditions(object),
      events: eventLists
        .flatMap(list => list.items)
        .map(event => toKubeEvent(event, name))
        .sort(byNewestFirst),
      pods: pods.map(toPodSummary),
    };
  }
}
