import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { StructuralSchema } from './structuralSchema';

/** Where the vendored upstream CRDs live (see crds/README.md for their source commits). */
export const VENDORED_CRD_DIR = resolve(dirname(require.resolve('@internal/fleet-sim/package.json')), 'crds');

/** The vendored CRD files, by API group. */
const VENDORED_FILES: Record<string, string[]> = {
  'skiperator.kartverket.no': ['applications.yaml', 'routings.yaml', 'skipjobs.yaml'],
  'argoproj.io': ['applications.yaml', 'applicationsets.yaml', 'appprojects.yaml'],
};

type CrdVersion = { name: string; schema?: { openAPIV3Schema?: StructuralSchema } };
type Crd = { spec: { group: string; names: { kind: string; plural: string }; versions: CrdVersion[] } };

/** One custom resource version's schema, as its CRD declares it. */
export type CustomResourceSchema = { group: string; version: string; kind: string; plural: string; schema: StructuralSchema };

/**
 * The OpenAPI schemas of the custom resources whose CRDs the simulator vendors. Files are parsed on
 * first use of their group (the Argo CD ApplicationSet CRD alone is 1 MB of YAML), and the parsed
 * schemas are immutable, so one instance serves every cluster.
 */
export class CrdSchemas {
  private static shared?: CrdSchemas;
  private readonly byGroup = new Map<string, Map<string, CustomResourceSchema>>();

  private constructor(private readonly files: Record<string, string[]>, private readonly dir: string) {}

  /** The schemas of the CRDs vendored under crds/. */
  static vendored(): CrdSchemas {
    CrdSchemas.shared ??= new CrdSchemas(VENDORED_FILES, VENDORED_CRD_DIR);
    return CrdSchemas.shared;
  }

  /** The schema of group/version/kind, or undefined when no vendored CRD describes it. */
  schemaFor(group: string, version: string, kind: string): CustomResourceSchema | undefined {
    return this.group(group)?.get(`${version}/${kind}`);
  }

  /** Every vendored custom resource version. */
  all(): CustomResourceSchema[] {
    return Object.keys(this.files).flatMap(group => [...(this.group(group)?.values() ?? [])]);
  }

  private group(group: string): Map<string, CustomResourceSchema> | undefined {
    const files = this.files[group];
    if (!files) return undefined;
    let schemas = this.byGroup.get(group);
    if (!schemas) {
      schemas = new Map();
      for (const file of files) {
        const crd = parseYaml(readFileSync(resolve(this.dir, group, file), 'utf8')) as Crd;
        const { names } = crd.spec;
        for (const v of crd.spec.versions) {
          const schema = v.schema?.openAPIV3Schema;
          if (!schema) continue;
          schemas.set(`${v.name}/${names.kind}`, { group: crd.spec.group, version: v.name, kind: names.kind, plural: names.plural, schema });
        }
      }
      this.byGroup.set(group, schemas);
    }
    return schemas;
  }
}
