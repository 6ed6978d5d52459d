// Lazily loaded module (panel-styles.js): every style of the panel, fetched when the panel first opens (or the
// launcher is hovered or focused) together with its words, so the start-up bundle carries the launcher's alone.
import { helpStyles } from './help-styles';
import { styles } from './styles';
import { ticketsStyles } from './tickets-styles';

export const panelStyles = styles + helpStyles + ticketsStyles;
