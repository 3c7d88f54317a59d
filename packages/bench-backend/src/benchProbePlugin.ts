import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { Router } from 'express';

/**
 * `GET /api/bench-probe/memory`: the process's memory after a full collection, so the
 * benchmark measures what the cache holds rather than garbage not yet collected. Needs
 * `--expose-gc`; without it the figures are taken as they are and say so.
 */
export const benchProbePlugin = createBackendPlugin({
  pluginId: 'bench-probe',
  register(reg) {
    reg.registerInit({
      deps: { http: coreServices.httpRouter },
      async init({ http }) {
        const router = Router();
        router.get('/memory', (_req, res) => {
          const gc = (globalThis as { gc?: () => void }).gc;
          if (gc) {
            // Twice: the first pass finalises what the second then frees.
            gc();
            gc();
          }
          res.json({ collected: Boolean(gc), ...process.memoryUsage() });
        });
        http.use(router);
        http.addAuthPolicy({ path: '/memory', allow: 'unauthenticated' });
      },
    });
  },
});
