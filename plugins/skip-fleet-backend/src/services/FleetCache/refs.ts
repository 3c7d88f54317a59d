/** Names one Skiperator Application on one cluster. */
export type AppRef = { cluster: string; namespace: string; name: string };

/** Names one Argo CD Application, and the cluster it deploys to ('' when unresolved). */
export type ArgoRef = {
  instance: string;
  cluster: string;
  namespace: string;
  name: string;
};

/** The key the indexes use: the parts joined with '/' (names cannot contain one). */
export const keyOf = (...parts: string[]) => parts.join('/');
