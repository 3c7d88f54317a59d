import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { hideInternalErrors } from './hideInternalErrors';

const installed = Symbol.for('skip-portal.errorAnswersWithoutStacks');

/**
 * Makes every error answer of this backend `{ error: { name, message }, request, response }`
 * without a stack trace, and hides the message of internal errors (500) behind a log id.
 * Backstage adds stacks, with server file paths, whenever NODE_ENV is `development`, which
 * is how the embedded default runs (scripts/run-portal.mjs). Its error handlers are made in
 * two places, the root router and each plugin's `httpRouter`, both through
 * `MiddlewareFactory.create(...).error()`; neither service takes an option for it, and
 * replacing the plugin router would mean copying Backstage's auth and rate-limit plumbing,
 * so the factory is wrapped once, before the backend starts.
 */
export function errorAnswersWithoutStacks(): void {
  const factoryClass = MiddlewareFactory as typeof MiddlewareFactory & {
    [installed]?: true;
  };
  if (factoryClass[installed]) return;
  const backstageCreate = MiddlewareFactory.create.bind(MiddlewareFactory);
  factoryClass.create = options => {
    const factory = backstageCreate(options);
    const backstageError = factory.error.bind(factory);
    factory.error = errorOptions => {
      const handle = backstageError({
        ...errorOptions,
        showStackTraces: false,
      });
      return (error, req, res, next) =>
        handle(hideInternalErrors(error, options.logger), req, res, next);
    };
    return factory;
  };
  factoryClass[installed] = true;
}
