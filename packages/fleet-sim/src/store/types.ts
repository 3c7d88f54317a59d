/** A Kubernetes object as the simulator stores it: plain JSON with typed metadata. */
export type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
};

/** The subset of metav1.ObjectMeta the simulator reads; anything else is kept as-is. */
export type ObjectMeta = {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: unknown[];
  [key: string]: unknown;
};

/** metav1.OwnerReference. */
export type OwnerReference = {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
};

/** A change to the store, as controllers and watches see it. */
export type StoreEvent = {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
};
