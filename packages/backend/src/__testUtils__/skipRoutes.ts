import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

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

/** Every route of every SKIP backend plugin, read from their OpenAPI specs (src/schema/openapi.yaml). */
export function skipRoutes(): SkipRoute[] {
  const routes: SkipRoute[] = [];
  for (const dir of fs.readdirSync(pluginsDir)) {
    const specFile = path.join(pluginsDir, dir, 'src/schema/openapi.yaml');
    if (!fs.existsSync(specFile)) continue;
    const pkg = JSON.parse(
      fs.readFileSync(path.join(pluginsDir, dir, 'package.json'), 'utf8'),
    );
    const spec = YAML.parse(fs.readFileSync(specFile, 'utf8'));
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
