// Which part of the console is showing (inbox, and the sections later features add).
import { atom } from 'nanostores';

export const $section = atom<string>('inbox');

export const showSection = (id: string): void => $section.set(id);
