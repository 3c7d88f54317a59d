import { stringify } from 'yaml';

/**
 * Objects as one multi-document YAML file, for the export and the GitOps commit: the header as
 * a leading comment (every line of it), then each object as its own `---` document, in the
 * order given, so that the same objects always give the same text and commits diff well.
 * Long strings stay on one line (no folding), so a policy or description reads as written.
 */
export function objectsYaml(objects: object[], header: string): string {
  const comment = header
    .trimEnd()
    .split('\n')
    .map(line => (line.trim() === '' ? '#' : `# ${line}`))
    .join('\n');
  const documents = objects.map(o => `---\n${stringify(o, { lineWidth: 0 })}`);
  return [header.trim() === '' ? '' : `${comment}\n`, ...documents].join('');
}
