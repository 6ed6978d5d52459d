// Puts the widget on the page inside an open shadow root: host CSS cannot reach in, ours cannot leak out.
import { render } from 'preact';
import { App } from './App';
import { launcherStyles } from './launcher-styles';

let shadow: ShadowRoot | null = null;

/** Adds CSS to the widget's shadow root (the panel's arrives after mounting, see panel-ready.ts). */
export function addStyles(css: string): void {
  const style = document.createElement('style');
  style.textContent = css;
  shadow?.prepend(style);
}

export function mountWidget(): void {
  // A custom tag name, so host rules like `div { … }` do not match the host element either.
  const host = document.createElement('classroom-support');
  shadow = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  shadow.append(container);
  addStyles(launcherStyles);
  document.body.append(host);
  render(<App />, container);
}
