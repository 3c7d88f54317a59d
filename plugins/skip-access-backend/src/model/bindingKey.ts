import type { AccessBindingKind } from '@internal/plugin-skip-common';

/** Where a binding is: what tells two bindings on one cluster apart. */
export type BindingPlace = {
  kind: AccessBindingKind;
  namespace?: string;
  name: string;
};

/** One string per place, for maps and sets. */
export function bindingKey(place: BindingPlace): string {
  return `${place.kind}/${place.namespace ?? ''}/${place.name}`;
}

/** Orders texts by code unit, as `Array.prototype.sort` does: the same on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

/** Orders bindings by kind, namespace and name, so every list the model gives is stable. */
export function compareBindingPlaces(a: BindingPlace, b: BindingPlace): number {
  return (
    compareText(a.kind, b.kind) ||
    compareText(a.namespace ?? '', b.namespace ?? '') ||
    compareText(a.name, b.name)
  );
}

/** How a person reads a place: `RoleBinding seeiendom-api/skip-x-edit`, `ClusterRoleBinding skip-x-view`. */
export function describePlace(place: BindingPlace): string {
  return `${place.kind} ${place.namespace ? `${place.namespace}/` : ''}${
    place.name
  }`;
}
