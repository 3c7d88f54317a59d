/** URL templates of the platform's Grafana and Loki (config `skip.observability`). */
export type ObservabilityTemplates = {
  grafanaUrlTemplate?: string;
  lokiUrlTemplate?: string;
  clusterGrafanaUrlTemplate?: string;
  clusterLokiUrlTemplate?: string;
};

/** What a template may name: `{{cluster}}`, `{{namespace}}`, `{{app}}`, `{{environment}}`, `{{team}}`. */
export type TemplateValues = Partial<
  Record<'cluster' | 'namespace' | 'app' | 'environment' | 'team', string>
>;

/** What `configApi` offers that these links need. */
type ConfigReader = {
  getOptionalString(key: string): string | undefined;
};

/** Reads the templates; an unset one gives no link. */
export function readObservabilityTemplates(
  config: ConfigReader,
): ObservabilityTemplates {
  const read = (key: keyof ObservabilityTemplates) =>
    config.getOptionalString(`skip.observability.${key}`);
  return {
    grafanaUrlTemplate: read('grafanaUrlTemplate'),
    lokiUrlTemplate: read('lokiUrlTemplate'),
    clusterGrafanaUrlTemplate: read('clusterGrafanaUrlTemplate'),
    clusterLokiUrlTemplate: read('clusterLokiUrlTemplate'),
  };
}

/**
 * Fills `{{name}}` placeholders with URL-encoded values. A placeholder without a value
 * gives no URL rather than a link to the wrong dashboard; neither does a template that is
 * not an http(s) URL.
 */
export function fillUrlTemplate(
  template: string | undefined,
  values: TemplateValues,
): string | undefined {
  if (!template || !/^https?:\/\//.test(template)) return undefined;
  let missing = false;
  const url = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => {
    const value = values[key as keyof TemplateValues];
    if (value === undefined) {
      missing = true;
      return '';
    }
    return encodeURIComponent(value);
  });
  return missing ? undefined : url;
}

/** A cluster's Grafana dashboard and Loki logs, for the fleet and cluster pages. */
export function clusterObservabilityLinks(
  templates: ObservabilityTemplates,
  cluster: { name: string; environment?: string },
): { grafana?: string; loki?: string } {
  const values = { cluster: cluster.name, environment: cluster.environment };
  return {
    grafana: fillUrlTemplate(templates.clusterGrafanaUrlTemplate, values),
    loki: fillUrlTemplate(templates.clusterLokiUrlTemplate, values),
  };
}
