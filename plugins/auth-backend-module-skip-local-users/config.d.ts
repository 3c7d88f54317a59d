export interface Config {
  auth?: {
    providers?: {
      /**
       * Sign-in as one of a few catalog users, chosen on the sign-in page: for the embedded
       * default, so a product developer and a platform-team member can both be tried. Like
       * the guest provider, it refuses to work outside development unless allowed.
       */
      skipLocalUsers?: {
        /** The catalog users one may sign in as, e.g. user:default/pia. */
        users: string[];
        /** Allow it when NODE_ENV is not development (never in production). */
        dangerouslyAllowOutsideDevelopment?: boolean;
      };
    };
  };
}
