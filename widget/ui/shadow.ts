// The widget's shadow root and the styles put into it: the launcher's at mount, the panel's when they arrive.
let shadow: ShadowRoot | null = null;

export function attachShadowRoot(host: HTMLElement): ShadowRoot {
  shadow = host.attachShadow({ mode: 'open' });
  return shadow;
}

/** Adds CSS to the widget's shadow root, before the launcher's so the launcher's rules keep the last word. */
export function addStyles(css: string): void {
  const style = document.createElement('style');
  style.textContent = css;
  shadow?.prepend(style);
}
