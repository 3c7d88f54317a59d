import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

const spec = YAML.parse(fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'));
const router = fs.readFileSync(path.join(__dirname, '..', 'router.ts'), 'utf8');

describe('the OpenAPI contract', () => {
  it('documents exactly the routes the router serves, with the same methods', () => {
    const served = [...router.matchAll(/router\.(get|post|put|patch|delete)\(\s*'([^']+)'/g)]
      .map(([, method, route]) => `${method} ${route.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    const documented = Object.entries(spec.paths as Record<string, object>)
      .flatMap(([route, operations]) => Object.keys(operations).map(method => `${method} ${route}`))
      .sort();
    expect(documented).toEqual(served);
  });
});
