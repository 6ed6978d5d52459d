// A message's text with its web addresses as links; a link to one of our help articles opens it in the panel.
import { help, openArticle } from '../state/help';
import type { ArticleLocale } from '../../shared/articles';

const URL_IN_TEXT = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]}'])/;

export function MessageText({ text }: { text: string }) {
  return (
    <>
      {text.split(URL_IN_TEXT).map((part, i) => {
        // split() with a capture group puts the addresses at the odd positions.
        if (i % 2 === 0) return part;
        const article = part.startsWith(`${help.server}/help/`) && /\/help\/([a-z0-9-]+)(?:\?lang=(zh-CN|en))?$/.exec(part);
        return (
          <a
            key={i}
            href={part}
            target="_blank"
            rel="noopener noreferrer"
            onClick={(event) => {
              if (!article) return;
              event.preventDefault();
              openArticle({ slug: article[1]!, locale: (article[2] as ArticleLocale | undefined) ?? help.locale });
            }}
          >
            {part}
          </a>
        );
      })}
    </>
  );
}
