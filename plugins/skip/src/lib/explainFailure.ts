import { ResourceDetails } from '@internal/plugin-skip-common';

/** A cause told in words a developer who does not know Kubernetes can act on. */
export type FailureExplanation = {
  title: string;
  detail: string;
};

const IMAGE_PULL_REASONS = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
  'ContainerImageNotFound',
]);

function imageNotFound(image: string | undefined): FailureExplanation {
  return {
    title: 'Image not found',
    detail: `The pod cannot pull ${
      image ?? 'its image'
    }. Check that the image and tag exist and that the build pushed them.`,
  };
}

/**
 * Reads the pods, events and conditions of a resource and says, first match wins,
 * what most likely stops it. Container states come first: they are the most direct.
 */
export function explainFailure(
  details: ResourceDetails,
  context: { image?: string; message?: string },
): FailureExplanation | undefined {
  for (const pod of details.pods) {
    for (const container of pod.containers) {
      const reason = container.reason ?? '';
      if (IMAGE_PULL_REASONS.has(reason)) {
        return imageNotFound(
          imageFromMessage(container.message) ?? context.image,
        );
      }
      if (reason === 'OOMKilled') {
        return {
          title: 'Out of memory',
          detail: `Container ${container.name} used more memory than its limit and was stopped. Raise the memory limit in the app's spec.resources or find what uses the memory.`,
        };
      }
      if (reason === 'CreateContainerConfigError') {
        return {
          title: 'Missing configuration',
          detail: `Container ${container.name} cannot start: ${
            container.message ?? 'a secret or config map it needs is missing'
          }.`,
        };
      }
      if (
        reason === 'CrashLoopBackOff' ||
        (reason === 'Error' && container.restartCount > 0)
      ) {
        return {
          title: 'The app keeps crashing',
          detail: `Container ${container.name} starts and then stops (restarted ${container.restartCount} times). Its log below shows why.`,
        };
      }
    }
  }
  for (const condition of details.conditions) {
    if (
      condition.status === 'False' &&
      IMAGE_PULL_REASONS.has(condition.reason ?? '')
    ) {
      return {
        title: 'Image not found',
        detail: `The pod cannot pull ${context.image ?? 'its image'}. ${
          condition.message ?? ''
        }`.trim(),
      };
    }
  }
  const warnings = details.events.filter(e => e.type === 'Warning');
  for (const event of warnings) {
    switch (event.reason) {
      case 'Failed':
      case 'ErrImagePull':
        if (/pull/i.test(event.message ?? '')) {
          return imageNotFound(
            imageFromMessage(event.message) ?? context.image,
          );
        }
        break;
      case 'FailedScheduling':
        return {
          title: 'No room for the pod',
          detail: `No node can run the pod right now: ${
            event.message ?? 'not enough CPU or memory'
          }. Lower the app's resource requests or ask the platform team.`,
        };
      case 'Unhealthy':
        return {
          title: 'Health check failing',
          detail: `The app runs but does not answer its health check: ${
            event.message ?? ''
          }`.trim(),
        };
      case 'FailedMount':
        return {
          title: 'Volume cannot be mounted',
          detail:
            event.message ??
            'A volume (secret, config map or disk) the pod needs cannot be mounted.',
        };
      default:
        break;
    }
  }
  const failedCondition = details.conditions.find(
    c => c.status === 'False' && c.message,
  );
  const message =
    failedCondition?.message ?? warnings[0]?.message ?? context.message;
  if (message) {
    return { title: 'Not healthy', detail: message };
  }
  return undefined;
}

function imageFromMessage(message: string | undefined): string | undefined {
  return message?.match(/image "([^"]+)"/)?.[1];
}
