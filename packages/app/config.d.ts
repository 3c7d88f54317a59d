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
  };
}
