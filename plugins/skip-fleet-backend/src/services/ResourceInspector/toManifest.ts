import type { KubernetesObject } from '@kubernetes/client-node';
import YAML from 'yaml';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The live object as a developer reads it in YAML: without managedFields and kubectl's
 * last-applied copy, which repeat the object in a form nobody reads.
 */
export function toManifest(object: KubernetesObject): string {
  // client-node hands back typed models (Dates, undefined fields): JSON makes them plain.
  const plain = JSON.parse(JSON.stringify(object)) as KubernetesObject;
  const metadata = { ...plain.metadata };
  delete metadata.managedFields;
  if (metadata.annotations) {
    const { [LAST_APPLIED]: _lastApplied, ...annotations } =
      metadata.annotations;
    if (Object.keys(annotations).length > 0) {
      metadata.annotations = annotations;
    } else {
      delete metadata.annotations;
    }
  }
  return YAML.stringify({ ...plain, metadata });
}
