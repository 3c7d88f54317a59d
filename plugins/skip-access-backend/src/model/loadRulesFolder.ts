import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseAccessRuleInput } from '@internal/plugin-skip-common';
import { parse } from 'yaml';
import { compareText } from './bindingKey';
import { TEAM_DEFAULT_RULE_PREFIX } from './teamDefaultRules';
import type { SourcedRule } from './types';

/** The rules of a folder and every problem reading them, each naming the file. */
export type RulesFolder = { rules: SourcedRule[]; errors: string[] };

/**
 * Reads the access rules kept in git: every `.yaml`/`.yml` file under `dir` (hidden folders
 * such as `.github` left out), each holding a list of rules or `{ rules: [...] }`. A bad file
 * or rule is reported and skipped, never fatal, so one typo does not take every rule away.
 */
export async function loadRulesFolder(dir: string): Promise<RulesFolder> {
  const rules: SourcedRule[] = [];
  const errors: string[] = [];
  let files: string[];
  try {
    files = await yamlFiles(dir);
  } catch (error) {
    return {
      rules,
      errors: [`rules folder ${dir} cannot be read: ${messageOf(error)}`],
    };
  }
  const fileOfId = new Map<string, string>();
  for (const file of files) {
    let content: unknown;
    try {
      content = parse(await readFile(join(dir, file), 'utf8'));
    } catch (error) {
      errors.push(`${file}: not valid YAML: ${messageOf(error)}`);
      continue;
    }
    const entries = ruleEntries(content);
    if (!entries) {
      errors.push(`${file}: must hold a list of rules or { rules: [...] }`);
      continue;
    }
    entries.forEach((entry, index) => {
      const where = `${file}: rule #${index + 1}`;
      let rule;
      try {
        rule = parseAccessRuleInput(entry, where);
      } catch (error) {
        errors.push(messageOf(error));
        return;
      }
      if (rule.id.startsWith(TEAM_DEFAULT_RULE_PREFIX)) {
        errors.push(
          `${where} '${rule.id}': id: ids starting with ${TEAM_DEFAULT_RULE_PREFIX} are reserved for team defaults`,
        );
        return;
      }
      const earlier = fileOfId.get(rule.id);
      if (earlier !== undefined) {
        errors.push(
          `${where} '${rule.id}': id: already used in ${earlier}; this one is skipped`,
        );
        return;
      }
      fileOfId.set(rule.id, file);
      rules.push({ ...rule, source: 'git', file });
    });
  }
  return { rules, errors };
}

/** The YAML files under a folder, relative with `/` separators, sorted. */
async function yamlFiles(dir: string): Promise<string[]> {
  if (!(await stat(dir)).isDirectory()) throw new Error('not a folder');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter(e => e.isFile() && /\.ya?ml$/i.test(e.name))
    .map(e => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter(file => !file.split('/').some(part => part.startsWith('.')))
    .sort(compareText);
}

/** The rule entries of a file; an empty file has none; undefined when the shape is wrong. */
function ruleEntries(content: unknown): unknown[] | undefined {
  if (content === null || content === undefined) return [];
  if (Array.isArray(content)) return content;
  if (
    typeof content === 'object' &&
    Array.isArray((content as { rules?: unknown }).rules)
  ) {
    return (content as { rules: unknown[] }).rules;
  }
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
