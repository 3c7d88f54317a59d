export interface Config {
  skip?: {
    /**
     * The identities the embedded default's sign-in page offers (local trials only; a
     * production portal configures a real sign-in provider instead).
     * @visibility frontend
     */
    localUsers?: Array<{
      /**
       * `guest`, or a catalog user name allowed by auth.providers.skipLocalUsers.users.
       * @visibility frontend
       */
      name: string;
      /** @visibility frontend */
      title: string;
      /** @visibility frontend */
      description?: string;
    }>;
    /**
     * Links from each app and cluster to the platform's Grafana dashboards and Loki logs
     * (read by the SKIP frontend plugin). Placeholders, URL-encoded when filled:
     * {{cluster}}, {{namespace}}, {{app}}, {{environment}}, {{team}}; a link whose
     * placeholder has no value is left out.
     */
    observability?: {
      /**
       * An app's Grafana dashboard, e.g.
       * https://grafana.example/d/app?var-namespace={{namespace}}&var-app={{app}}&var-cluster={{cluster}}
       * @visibility frontend
       */
      grafanaUrlTemplate?: string;
      /**
       * An app's logs in Loki (through Grafana Explore, say).
       * @visibility frontend
       */
      lokiUrlTemplate?: string;
      /**
       * A cluster's Grafana dashboard ({{cluster}}, {{environment}}).
       * @visibility frontend
       */
      clusterGrafanaUrlTemplate?: string;
      /**
       * A cluster's logs in Loki ({{cluster}}, {{environment}}).
       * @visibility frontend
       */
      clusterLokiUrlTemplate?: string;
    };
  };
}
