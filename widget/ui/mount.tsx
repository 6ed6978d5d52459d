// Puts the widget on the page inside an open shadow root: host CSS cannot reach in, ours cannot leak out.
import { render } from 'preact';
import { App } from './App';
import { helpStyles } from './help-styles';
import { styles } from './styles';
import { ticketsStyles } from './tickets-styles';

export function mountWidget(): void {
  // A custom tag name, so host rules like `div { … }` do not match the host element either.
  const host = document.createElement('classroom-support');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = styles + helpStyles + ticketsStyles;
  const container = document.createElement('div');
  root.append(style, container);
  document.body.append(host);
  render(<App />, container);
}
