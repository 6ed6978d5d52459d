// Menu of the console's sections; hidden while only one is available.
import { useStore } from '@nanostores/preact';
import { $me } from '../state/me';
import { $section, showSection } from '../state/section';
import { sectionsFor } from './sections';
import { texts } from '../i18n/i18n';

const appText = texts('app');
const deskText = texts('desk');
const plansText = texts('plans');
const SECTION_KEYS = {
  inbox: 'inbox',
  tickets: 'tickets',
  articles: 'articles',
  supervisor: 'supervisor',
  admin: 'admin',
  'ticket-settings': 'ticketSettings',
  account: 'account',
  monitoring: 'monitoring',
  reports: 'reports',
} as const;

/** A section's name in the console's language; a section without a translation keeps its own label. */
function sectionLabel(t: ReturnType<typeof appText.get>, id: string): string | undefined {
  const key = SECTION_KEYS[id as keyof typeof SECTION_KEYS];
  return key ? t[key] : undefined;
}

/** Every section's name in the console's language, by id. */
function useSectionNames(): (id: string, label: string) => string {
  const t = useStore(appText);
  const own: Record<string, string> = { desk: useStore(deskText).nav, plans: useStore(plansText).nav };
  return (id, label) => sectionLabel(t, id) ?? own[id] ?? label;
}

/**
 * The page's level-one heading for a section that draws none of its own (the inbox, tickets, ticket settings): its
 * name as in the menu, hidden, since the menu shows it; screen readers (and axe) expect one h1 per page.
 */
export function SectionTitle() {
  const me = useStore($me);
  const current = useStore($section);
  const nameOf = useSectionNames();
  const sections = me ? sectionsFor(me) : [];
  const shown = sections.find((s) => s.id === current) ?? sections[0];
  return shown && !shown.titled ? <h1 class="sr-only">{nameOf(shown.id, shown.label)}</h1> : null;
}

export function SectionNav() {
  const me = useStore($me);
  const current = useStore($section);
  const t = useStore(appText);
  const nameOf = useSectionNames();
  if (!me) return null;
  const sections = sectionsFor(me);
  if (sections.length < 2) return null;
  return (
    <nav class="sections" aria-label={t.sections}>
      {sections.map((s) => (
        <button key={s.id} type="button" class="quiet" aria-current={s.id === current ? 'page' : undefined} onClick={() => showSection(s.id)}>
          {nameOf(s.id, s.label)}
        </button>
      ))}
    </nav>
  );
}
