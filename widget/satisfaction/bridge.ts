// What the lazily loaded rating card gets from the widget: its one socket's request, and its words from the
// widget's dictionaries in the widget's language (a store: ClassroomSupport.setLocale() switches them live).
import type { ReadableAtom } from 'nanostores';
import type { RatingTexts } from '../i18n/messages';
import type { Wire } from '../state/wire';

export interface SatisfactionBridge {
  request: Wire['request'];
  texts: ReadableAtom<Partial<RatingTexts>>;
}

export type Words = RatingTexts;
