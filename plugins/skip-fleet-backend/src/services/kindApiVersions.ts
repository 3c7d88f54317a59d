/**
 * Kinds a developer can drill into, with the API version to read them by. `Application`
 * means Skiperator's: Argo CD's are read through the Argo CD routes.
 */
export const KIND_API_VERSIONS: Record<string, string> = {
  Application: 'skiperator.kartverket.no/v1alpha1',
  SKIPJob: 'skiperator.kartverket.no/v1beta1',
  Routing: 'skiperator.kartverket.no/v1alpha1',
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Pod: 'v1',
  Service: 'v1',
  ConfigMap: 'v1',
  ServiceAccount: 'v1',
  HorizontalPodAutoscaler: 'autoscaling/v2',
  PodDisruptionBudget: 'policy/v1',
  NetworkPolicy: 'networking.k8s.io/v1',
  ServiceEntry: 'networking.istio.io/v1',
  Gateway: 'networking.istio.io/v1',
  VirtualService: 'networking.istio.io/v1',
  PeerAuthentication: 'security.istio.io/v1',
  AuthorizationPolicy: 'security.istio.io/v1',
  RequestAuthentication: 'security.istio.io/v1',
  Telemetry: 'telemetry.istio.io/v1',
  HTTPRoute: 'gateway.networking.k8s.io/v1',
  ServiceMonitor: 'monitoring.coreos.com/v1',
};
