// Renders article markdown to HTML that is safe to put into any host page: raw HTML is never parsed, links
// go only to http(s), mailto: or another article, open without access to the page, and images come only
// from the origins an operator allowed.
import MarkdownIt from 'markdown-it';
import markdownItCjkFriendly from 'markdown-it-cjk-friendly';

export interface MarkdownOptions {
  /** Exact origins (e.g. "https://cdn.example.com") images may be loaded from; none by default. */
  imageOrigins: readonly string[];
}

export type RenderMarkdown = (markdown: string) => string;

/** `[see also](article:weak-network)` links to another article by slug. */
const ARTICLE_LINK = /^article:([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;

const escapeAttribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function allowedImage(src: string, origins: ReadonlySet<string>): boolean {
  try {
    const url = new URL(src);
    return (url.protocol === 'https:' || url.protocol === 'http:') && origins.has(url.origin);
  } catch {
    return false;
  }
}

/** Each allowed image origin reduced to scheme://host[:port], once: what the renderer and the console's CSP allow. */
export const imageOriginsOf = (origins: readonly string[]): string[] => [...new Set(origins.map((origin) => new URL(origin).origin))];

export function createMarkdownRenderer({ imageOrigins }: MarkdownOptions): RenderMarkdown {
  const origins = new Set(imageOriginsOf(imageOrigins));
  // html: false — tags in the source are shown as text, never parsed as markup.
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  // CommonMark ends emphasis only next to whitespace or ASCII punctuation, so **“我仍需要帮助”**和… stays literal
  // asterisks in Chinese; the plugin applies the CJK-aware flanking rules (a CommonMark extension proposal).
  md.use(markdownItCjkFriendly);
  // An allow-list, not markdown-it's block-list: javascript:, data:, file:, relative and protocol-relative
  // URLs all fail it, however they are spelled or encoded.
  md.validateLink = (url: string) => SAFE_LINK.test(url.trim()) || ARTICLE_LINK.test(url.trim());

  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    const token = tokens[idx]!;
    const href = String(token.attrGet('href') ?? '');
    const article = ARTICLE_LINK.exec(href);
    if (article) {
      // Inside the widget the click opens the article in place; elsewhere the address is the public help page.
      token.attrSet('href', `/help/${article[1]}`);
      token.attrSet('data-article', article[1]!);
    } else {
      token.attrSet('target', '_blank');
      token.attrSet('rel', 'noopener noreferrer');
    }
    return self.renderToken(tokens, idx, options);
  };

  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    const src = String(token.attrGet('src') ?? '');
    if (!allowedImage(src, origins)) {
      return `<span class="image-blocked">${escapeAttribute(alt || 'image')}</span>`;
    }
    return `<img src="${escapeAttribute(src)}" alt="${escapeAttribute(alt)}" loading="lazy" referrerpolicy="no-referrer">`;
  };

  return (markdown) => md.render(markdown);
}
