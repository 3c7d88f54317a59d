import type {
  Condition,
  FailureExplanation,
  KubeEvent,
  PodSummary,
} from '@internal/plugin-skip-common';

/** What the explanation reads: an object's conditions, the events of it and its pods, its pods. */
export type FailureEvidence = {
  conditions: Condition[];
  events: KubeEvent[];
  pods: PodSummary[];
};

/** What the caller knows besides: the image the app runs, the last problem reported for it. */
export type FailureContext = { image?: string; message?: string };

const IMAGE_PULL_REASONS = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
  'ContainerImageNotFound',
]);

/** Conditions whose False is good news (an autoscaler within its bounds). */
const FINE_WHEN_FALSE = new Set(['ScalingLimited']);

function imageFromMessage(message: string | undefined): string | undefined {
  return message?.match(/image "([^"]+)"/)?.[1];
}

function imageNotFound(image: string | undefined): FailureExplanation {
  return {
    title: 'Image not found',
    detail: `The pod cannot pull ${
      image ?? 'its image'
    }. Check that the image and tag exist and that the build pushed them.`,
    reason: image ? `Image not found: ${image}` : 'Image not found',
  };
}

function fromContainers(
  pods: PodSummary[],
  context: FailureContext,
): FailureExplanation | undefined {
  for (const pod of pods) {
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
          reason: `Out of memory: container ${container.name} was stopped`,
        };
      }
      if (reason === 'CreateContainerConfigError') {
        const why =
          container.message ?? 'a secret or config map it needs is missing';
        return {
          title: 'Missing configuration',
          detail: `Container ${container.name} cannot start: ${why}.`,
          reason: `Missing configuration: ${why}`,
        };
      }
      if (
        reason === 'CrashLoopBackOff' ||
        (reason === 'Error' && container.restartCount > 0)
      ) {
        return {
          title: 'The app keeps crashing',
          detail: `Container ${container.name} starts and then stops (restarted ${container.restartCount} times). Its log shows why.`,
          reason: `Keeps crashing: container ${container.name} restarted ${container.restartCount} times`,
        };
      }
    }
  }
  return undefined;
}

function fromWarning(
  event: KubeEvent,
  context: FailureContext,
): FailureExplanation | undefined {
  const message = event.message ?? '';
  switch (event.reason) {
    case 'Failed':
    case 'ErrImagePull':
      return /pull/i.test(message)
        ? imageNotFound(imageFromMessage(message) ?? context.image)
        : undefined;
    case 'FailedScheduling':
      return {
        title: 'No room for the pod',
        detail: `No node can run the pod right now: ${
          message || 'not enough CPU or memory'
        }. Lower the app's resource requests or ask the platform team.`,
        reason: `No room for the pod: ${message || 'not enough CPU or memory'}`,
      };
    case 'Unhealthy':
      return {
        title: 'Health check failing',
        detail:
          `The app runs but does not answer its health check: ${message}`.trim(),
        reason: `Health check failing${message ? `: ${message}` : ''}`,
      };
    case 'FailedMount': {
      const detail =
        message ||
        'A volume (secret, config map or disk) the pod needs cannot be mounted.';
      return {
        title: 'Volume cannot be mounted',
        detail,
        reason: `Volume cannot be mounted: ${detail}`,
      };
    }
    default:
      return undefined;
  }
}

/**
 * Says, first match wins, what most likely stops a resource: container states first (the
 * most direct), then a failing condition about the image, then warning events, then any
 * failing condition, warning or last reported problem. Undefined when nothing fails.
 */
export function explainFailure(
  evidence: FailureEvidence,
  context: FailureContext = {},
): FailureExplanation | undefined {
  const fromPods = fromContainers(evidence.pods, context);
  if (fromPods) return fromPods;
  for (const condition of evidence.conditions) {
    if (
      condition.status === 'False' &&
      IMAGE_PULL_REASONS.has(condition.reason ?? '')
    ) {
      const image = context.image;
      return {
        ...imageNotFound(image),
        detail: `The pod cannot pull ${image ?? 'its image'}. ${
          condition.message ?? ''
        }`.trim(),
      };
    }
  }
  const warnings = evidence.events.filter(e => e.type === 'Warning');
  for (const event of warnings) {
    const explained = fromWarning(event, context);
    if (explained) return explained;
  }
  const failedCondition = evidence.conditions.find(
    c => c.status === 'False' && c.message && !FINE_WHEN_FALSE.has(c.type),
  );
  const message =
    failedCondition?.message ?? warnings[0]?.message ?? context.message;
  return message
    ? { title: 'Not healthy', detail: message, reason: message }
    : undefined;
}
