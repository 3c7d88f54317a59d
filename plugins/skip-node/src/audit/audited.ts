import type {
  AuditorService,
  AuditorServiceCreateEventOptions,
} from '@backstage/backend-plugin-api';

/**
 * Runs `change` as one audit event: `initiated` before, then `succeeded`, or `failed` with
 * the error (which is thrown on). Every SKIP change goes through here, so none is recorded
 * as started without its end.
 */
export async function audited<T>(
  auditor: AuditorService,
  event: AuditorServiceCreateEventOptions,
  change: () => Promise<T>,
): Promise<T> {
  const started = await auditor.createEvent(event);
  try {
    const result = await change();
    await started.success();
    return result;
  } catch (error) {
    await started.fail({ error: error as Error });
    throw error;
  }
}
