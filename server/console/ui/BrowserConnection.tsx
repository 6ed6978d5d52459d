// The connection as the user's browser reported it (type, downlink, round trip), in words: the context panel and
// the ticket view show it as one line, not as the widget's raw keys.
import { useStore } from '@nanostores/preact';
import type { BrowserConnection } from '../../../shared/browser-connection';
import { texts } from '../i18n/i18n';
import { $locale } from '../i18n/locale';

const contextText = texts('context');

export function BrowserConnectionLine({ connection }: { connection: BrowserConnection }) {
  const t = useStore(contextText);
  const locale = useStore($locale);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const parts = [
    connection.type.toUpperCase(),
    connection.downlinkMbps !== undefined ? t.downlink({ mbps: number.format(connection.downlinkMbps) }) : null,
    connection.rttMs !== undefined ? t.rtt({ ms: Math.round(connection.rttMs) }) : null,
  ].filter(Boolean);
  return <>{parts.join(' · ')}</>;
}
