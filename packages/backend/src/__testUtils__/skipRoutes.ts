import fs from 'node:fs';
import path from 'node:path';

const pluginsDir = path.resolve(__dirname, '../../../../plugins');

/** One operation of a SKIP backend plugin's contract. */
export type SkipRoute = {
  /** e.g. `skip-fleet` */
  pluginId: string;
  /** e.g. `GET /resources/{cluster}/{namespace}/{kind}/{name}` */
  route: string;
  /** The server URL the routes hang under, e.g. `/api/skip-fleet`. */
  basePath: string;
  operation: any;
  spec: any;
};

/**
 * Every route of every SKIP backend plugin, read from their contracts: the bundled spec in
 * src/schema/openapi/generated/router.ts, which test.sh proves matches src/schema/openapi.yaml
 * and the schema files it references.
 */
export function skipRoutes(): SkipRoute[] {
  const routes: SkipRoute[] = [];
  for (const dir of fs.readdirSync(pluginsDir)) {
    const routerFile = path.join(
      pluginsDir,
      dir,
      'src/schema/openapi/generated/router.ts',
    );
    if (!fs.existsSync(routerFile)) continue;
    const pkg = JSON.parse(
      fs.readFileSync(path.join(pluginsDir, dir, 'package.json'), 'utf8'),
    );
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { spec } = require(routerFile) as { spec: any };
    for (const [route, operations] of Object.entries<any>(spec.paths)) {
      for (const [method, operation] of Object.entries<any>(operations)) {
        if (method === 'parameters') continue;
        routes.push({
          pluginId: pkg.backstage.pluginId,
          route: `${method.toUpperCase()} ${route}`,
          basePath: spec.servers?.[0]?.url ?? `/api/${pkg.backstage.pluginId}`,
          operation: {
            ...operation,
            parameters: [
              ...(operations.parameters ?? []),
              ...(operation.parameters ?? []),
            ],
          },
          spec,
        });
      }
    }
  }
  return routes;
}
