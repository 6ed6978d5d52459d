// What the lazily loaded rating card gets from the widget: its one socket's request and the language.
import type { Wire } from '../state/wire';

export interface SatisfactionBridge {
  request: Wire['request'];
  locale(): string;
}
