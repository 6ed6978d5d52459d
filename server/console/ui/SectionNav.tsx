// Menu of the console's sections; hidden while only one is available.
import { useStore } from '@nanostores/preact';
import { $me } from '../state/me';
import { $section, showSection } from '../state/section';
import { sectionsFor } from './sections';

export function SectionNav() {
  const me = useStore($me);
  const current = useStore($section);
  if (!me) return null;
  const sections = sectionsFor(me.role);
  if (sections.length < 2) return null;
  return (
    <nav class="sections" aria-label="Sections">
      {sections.map((s) => (
        <button key={s.id} type="button" class="quiet" aria-current={s.id === current ? 'page' : undefined} onClick={() => showSection(s.id)}>
          {s.label}
        </button>
      ))}
    </nav>
  );
}
