/** What a pod's containers print on start, by how the pod fares: [container, line] pairs. */
export function podLogLines(input: { app: string; image: string; state: 'running' | 'starting' | 'image-pull' | 'crash-loop'; now: Date }): [string, string][] {
  const { app, image, state } = input;
  // Lines are dated just before `now`, as if the container had started a little earlier.
  const ts = (offsetMs: number) => new Date(input.now.getTime() - 40000 + offsetMs).toISOString();
  const tag = image.split(':').pop() ?? 'latest';
  const proxy = (msg: string, offset: number): [string, string] => ['istio-proxy', `${ts(offset)}\tinfo\t${msg}`];
  const line = (level: string, msg: string, offset: number): [string, string] => [app, JSON.stringify({ '@timestamp': ts(offset), level, logger: `no.kartverket.${app.replace(/-/g, '.')}`, message: msg })];
  const common: [string, string][] = [proxy('Envoy proxy is ready', 0)];
  if (state === 'image-pull') {
    return [
      ...common,
      ['istio-proxy', `${ts(5000)}\twarning\tenvoy upstream\tupstream connect error or disconnect/reset before headers. reset reason: connection refused (no healthy upstream for outbound|8080||${app})`],
      ['istio-proxy', `${ts(35000)}\twarning\tenvoy upstream\tno healthy upstream for ${app}: container "${app}" is waiting to start: image can't be pulled`],
    ];
  }
  if (state === 'crash-loop') {
    return [
      ...common,
      line('INFO', `Starting ${app} ${tag} using Java 21.0.5`, 400),
      line('INFO', 'HikariPool-1 - Starting...', 2100),
      line('ERROR', 'HikariPool-1 - Exception during pool initialization: org.postgresql.util.PSQLException: Connection to postgres:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.', 4300),
      line('ERROR', 'Application run failed: org.springframework.beans.factory.BeanCreationException: Error creating bean with name \'dataSource\'', 4400),
    ];
  }
  return [
    ...common,
    line('INFO', `Starting ${app} ${tag} using Java 21.0.5`, 400),
    line('INFO', 'No active profile set, falling back to 1 default profile: "default"', 900),
    line('INFO', 'Tomcat initialized with port 8080 (http)', 2500),
    ...(state === 'starting' ? [line('INFO', 'Warming caches: loading 1 204 311 records', 3000)] : []),
    line('INFO', `Started ${app} in 4.2 seconds (process running for 4.9)`, 4200),
    line('INFO', 'GET /actuator/health/readiness 200', 10000),
  ];
}
