import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadRulesFolder } from './loadRulesFolder';

const RULE = (id: string, extra = '') => `
  - id: ${id}
    group: group:default/seeiendom
    role: view
    clusters: { type: all }
    namespaces: { type: cluster-wide }${extra}`;

describe('loadRulesFolder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'access-rules-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const write = async (file: string, text: string) => {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
  };

  it('reads lists and { rules } files in every folder, in path order, as git rules', async () => {
    await write('teams/seeiendom.yaml', `rules:${RULE('seeiendom-view')}`);
    await write('platform.yml', RULE('platform-view'));
    await write('README.md', '# not rules');
    const { rules, errors } = await loadRulesFolder(dir);
    expect(errors).toEqual([]);
    expect(rules.map(r => [r.id, r.file, r.source])).toEqual([
      ['platform-view', 'platform.yml', 'git'],
      ['seeiendom-view', 'teams/seeiendom.yaml', 'git'],
    ]);
    expect(rules[0]).toMatchObject({
      group: 'group:default/seeiendom',
      role: 'view',
      clusters: { type: 'all' },
      namespaces: { type: 'cluster-wide' },
    });
  });

  it('skips an invalid rule, naming the file, the rule and the field, and keeps the others', async () => {
    await write(
      'rules.yaml',
      `${RULE('good')}${RULE('bad').replace('type: all', 'type: environment')}`,
    );
    const { rules, errors } = await loadRulesFolder(dir);
    expect(rules.map(r => r.id)).toEqual(['good']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^rules\.yaml: rule #2 'bad': .*clusters\.environment/,
    );
  });

  it('names a file that is not YAML or not rules, and reads the rest', async () => {
    await write('a.yaml', 'rules: [ {');
    await write('b.yaml', 'just: text');
    await write('c.yaml', RULE('c'));
    const { rules, errors } = await loadRulesFolder(dir);
    expect(rules.map(r => r.id)).toEqual(['c']);
    expect(errors).toEqual([
      expect.stringMatching(/^a\.yaml: not valid YAML/),
      'b.yaml: must hold a list of rules or { rules: [...] }',
    ]);
  });

  it('refuses a duplicate id, naming both files, and keeps the first', async () => {
    await write('a.yaml', RULE('same'));
    await write('b/c.yaml', RULE('same', '\n    description: second'));
    const { rules, errors } = await loadRulesFolder(dir);
    expect(rules).toHaveLength(1);
    expect(rules[0].file).toBe('a.yaml');
    expect(errors).toEqual([
      expect.stringMatching(/^b\/c\.yaml: rule #1 'same': .*a\.yaml/),
    ]);
  });

  it('refuses ids reserved for team defaults', async () => {
    await write('a.yaml', RULE('default-seeiendom'));
    const { rules, errors } = await loadRulesFolder(dir);
    expect(rules).toEqual([]);
    expect(errors).toEqual([
      expect.stringMatching(
        /^a\.yaml: rule #1 'default-seeiendom': .*reserved/,
      ),
    ]);
  });

  it('leaves out hidden folders such as .github and takes an empty file as no rules', async () => {
    await write('.github/workflows/ci.yaml', 'on: push');
    await write('empty.yaml', '');
    expect(await loadRulesFolder(dir)).toEqual({ rules: [], errors: [] });
  });

  it('reports a missing folder instead of throwing', async () => {
    const missing = join(dir, 'nope');
    const { rules, errors } = await loadRulesFolder(missing);
    expect(rules).toEqual([]);
    expect(errors).toEqual([expect.stringContaining(missing)]);
  });
});
