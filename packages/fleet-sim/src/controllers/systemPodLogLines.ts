/** What a system container prints on start, in klog format, by its component. */
export function systemPodLogLines(input: { component: string; image: string; node: string; now: Date }): string[] {
  const { component, image, node } = input;
  const version = image.split(':').pop() ?? 'unknown';
  // Lines are dated just before `now`, as if the container had started a little earlier.
  const klog = (level: 'I' | 'W', file: string, msg: string, offsetMs: number) => {
    const t = new Date(input.now.getTime() - 30000 + offsetMs).toISOString();
    return `${level}${t.slice(5, 7)}${t.slice(8, 10)} ${t.slice(11, 23)}000       1 ${file}] ${msg}`;
  };
  switch (component) {
    case 'kube-apiserver':
      return [
        klog('I', 'options.go:228', 'external host was not specified, using 10.40.0.10', 0),
        klog('I', 'server.go:150', `Version: ${version}`, 40),
        klog('I', 'secure_serving.go:213', 'Serving securely on [::]:443', 2100),
        klog('I', 'controller.go:615', 'quota admission added evaluator for: leases.coordination.k8s.io', 2600),
      ];
    case 'etcd':
      return [
        JSON.stringify({ level: 'info', ts: new Date(input.now.getTime() - 30000).toISOString(), caller: 'etcdmain/etcd.go:73', msg: 'Running: ', 'etcd-version': version }),
        JSON.stringify({ level: 'info', ts: new Date(input.now.getTime() - 28000).toISOString(), caller: 'etcdserver/server.go:2068', msg: 'published local member to cluster through raft', 'local-member-id': 'a1b2c3d4e5f60718' }),
        JSON.stringify({ level: 'info', ts: new Date(input.now.getTime() - 27000).toISOString(), caller: 'embed/serve.go:250', msg: 'serving client traffic securely', address: '[::]:2379' }),
      ];
    case 'kube-controller-manager':
    case 'kube-scheduler':
      return [
        klog('I', 'serving.go:386', 'Generated self-signed cert in-memory', 0),
        klog('I', `${component === 'kube-scheduler' ? 'server.go:154' : 'controllermanager.go:189'}`, `Version: ${version}`, 300),
        klog('I', 'leaderelection.go:254', `attempting to acquire leader lease kube-system/${component}...`, 900),
        klog('I', 'leaderelection.go:268', `successfully acquired lease kube-system/${component}`, 4000),
      ];
    case 'anetd':
    case 'kube-proxy':
      return [
        klog('I', 'server.go:1062', `Successfully retrieved node IP for ${node}`, 0),
        klog('I', 'server.go:234', `Starting ${component} on node ${node}, version ${version}`, 200),
        klog('I', 'config.go:192', 'Caches are synced for endpoint slice config', 1500),
      ];
    default:
      return [
        klog('I', 'main.go:51', `Starting ${component} ${version}`, 0),
        klog('I', 'shared_informer.go:320', `Caches are synced for ${component}`, 1200),
        klog('W', 'reflector.go:561', 'watch of *v1.Endpoints ended with: an error on the server ("unable to decode an event from the watch stream") has prevented the request from succeeding', 20000),
      ];
  }
}
