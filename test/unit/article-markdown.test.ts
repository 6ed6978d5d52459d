// Article HTML must be safe to put into any host page: each rule of the renderer, proven.
import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer } from '../../server/domain/articles/article-markdown';

const render = createMarkdownRenderer({ imageOrigins: ['https://cdn.example.com'] });

describe('article markdown rendering', () => {
  it('renders the usual markdown: headings, lists, emphasis, tables', () => {
    const html = render('## Fix it\n\n1. **Unmute** the tab\n2. Reload\n\n| a | b |\n| --- | --- |\n| 1 | 2 |');
    expect(html).toContain('<h2>Fix it</h2>');
    expect(html).toContain('<li><strong>Unmute</strong> the tab</li>');
    expect(html).toContain('<table>');
  });

  it('never parses raw HTML: tags in the source are shown as text', () => {
    const html = render('Hi <script>alert(1)</script> and <img src=x onerror=alert(2)>\n\n<iframe src="https://evil.example"></iframe>');
    expect(html).not.toMatch(/<script|<img|<iframe/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;iframe');
  });

  it('opens web links in a new tab with rel="noopener noreferrer"', () => {
    const html = render('[Chrome help](https://support.google.com/chrome) and https://example.com/page');
    expect(html).toContain('<a href="https://support.google.com/chrome" target="_blank" rel="noopener noreferrer">Chrome help</a>');
    expect(html).toContain('<a href="https://example.com/page" target="_blank" rel="noopener noreferrer">');
    expect(html.match(/<a /g)).toHaveLength(2);
    expect(html.match(/rel="noopener noreferrer"/g)).toHaveLength(2);
  });

  it.each([
    '[click](javascript:alert(1))',
    '[click](JavaScript:alert(1))',
    '[click]( javascript:alert(1) )',
    '[click](java&#x73;cript:alert(1))',
    '[click](&#106;avascript:alert(1))',
    '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[click](vbscript:msgbox(1))',
    '[click](file:///etc/passwd)',
    '<javascript:alert(1)>',
    '<data:text/html,<b>x</b>>',
  ])('turns no javascript:, data: or other unsafe URL into a link: %s', (markdown) => {
    const html = render(markdown);
    expect(html).not.toMatch(/href="(?!https?:|mailto:|\/help\/)/i);
    expect(html).not.toMatch(/href="[^"]*(javascript|data|vbscript|file):/i);
  });

  it('does not link relative or protocol-relative addresses, which would resolve against the host page', () => {
    expect(render('[x](/admin) [y](//evil.example/x)')).not.toContain('<a');
  });

  it('shows images only from allowed origins; others become their alt text', () => {
    const html = render(
      '![Chrome menu](https://cdn.example.com/menu.png) ![tracker](https://tracker.example/p.gif) ![inline](data:image/png;base64,iVBORw0KGgo=) ![local](/x.png)',
    );
    expect(html).toContain('<img src="https://cdn.example.com/menu.png" alt="Chrome menu" loading="lazy" referrerpolicy="no-referrer">');
    expect(html.match(/<img /g)).toHaveLength(1);
    expect(html).not.toContain('tracker.example');
    // A data: or relative image is not even parsed as an image: it stays visible as plain text.
    expect(html).not.toMatch(/src="(?!https:\/\/cdn\.example\.com\/)/);
    expect(html).toContain('<span class="image-blocked">tracker</span>');
  });

  it('allows no image source at all by default', () => {
    const html = createMarkdownRenderer({ imageOrigins: [] })('![x](https://cdn.example.com/a.png)');
    expect(html).not.toContain('<img');
  });

  it('turns article: links into in-widget links to the other article', () => {
    const html = render('See [weak network](article:weak-network).');
    expect(html).toContain('<a href="/help/weak-network" data-article="weak-network">weak network</a>');
    expect(render('[x](article:../../etc)')).not.toContain('<a');
  });

  it('escapes quotes in attributes so nothing breaks out of them', () => {
    const html = render('![a" onerror="alert(1)](https://cdn.example.com/a.png) [t](https://example.com "x\\" onmouseover=\\"alert(1)")');
    expect(html).not.toMatch(/" onerror="/);
    expect(html).not.toMatch(/" onmouseover="/);
  });
});
