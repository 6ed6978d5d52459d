// Reads the starter help articles kept in the repository (content/articles/<slug>.<locale>.md, front matter
// with title, summary and tags) so they can be reviewed like code and seeded on first start.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArticleInputSchema, type ArticleInput } from '../shared/article-schemas';
import { validate } from '../shared/validate';
import { repoRoot } from './paths';

export const starterArticlesDir = join(repoRoot, 'content', 'articles');

const FILE_NAME = /^([a-z0-9-]+)\.(zh-CN|en)\.md$/;

/** A front-matter value: wholly "quoted" (JSON string rules), [a, list], or bare text. */
function parseValue(raw: string): string | string[] {
  const value = raw.trim();
  if (value.startsWith('[') && value.endsWith(']')) {
    return value
      .slice(1, -1)
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  }
  if (/^"(?:[^"\\]|\\.)*"$/.test(value)) return JSON.parse(value) as string;
  return value;
}

/** Splits `---\nkey: value\n---\nbody` into its fields and markdown body. */
export function parseArticleFile(text: string): { fields: Record<string, string | string[]>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error('missing front matter (--- … ---)');
  const fields: Record<string, string | string[]> = {};
  for (const line of match[1]!.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    if (colon < 1) throw new Error(`front matter line without "key:": ${line}`);
    fields[line.slice(0, colon).trim()] = parseValue(line.slice(colon + 1));
  }
  return { fields, body: match[2]!.trim() };
}

/** Every starter article, validated exactly as an article written in the console would be. */
export function readStarterArticles(dir: string = starterArticlesDir): ArticleInput[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const named = FILE_NAME.exec(name);
      if (!named) throw new Error(`${name}: starter articles are named <slug>.<zh-CN|en>.md`);
      const { fields, body } = parseArticleFile(readFileSync(join(dir, name), 'utf8'));
      const input = validate(ArticleInputSchema, {
        slug: named[1],
        locale: named[2],
        title: fields.title,
        summary: fields.summary ?? '',
        tags: fields.tags ?? [],
        body,
      });
      if (!input.ok) throw new Error(`${name}: ${input.error.message}`);
      return input.data;
    });
}
