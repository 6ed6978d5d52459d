// Puts the widget on the page inside an open shadow root: host CSS cannot reach in, ours cannot leak out.
import { render } from 'preact';
import { App } from './App';
import { launcherStyles } from './launcher-styles';
import { addStyles, attachShadowRoot } from './shadow';

export function mountWidget(): void {
  // A custom tag name, so host rules like `div { … }` do not match the host element either.
  const host = document.createElement('classroom-support');
  const root = attachShadowRoot(host);
  const container = document.createElement('div');
  root.append(container);
  addStyles(launcherStyles);
  document.body.append(host);
  render(<App />, container);
}
