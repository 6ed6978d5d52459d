// The tickets view, loaded on demand (see widget/lazy.ts): the visitor's tickets, one ticket, the guided form.
// It renders with its own Preact into a box the panel gives it, and talks to the server through the bridge.
import { render } from 'preact';
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import type { MountedTickets, TicketsBridge, TicketsRoute } from './bridge';
import { $route, connect, startForm } from './state';
import { TicketForm } from './TicketForm';
import { TicketList } from './TicketList';
import { TicketScreen } from './TicketScreen';
import { ticketStyles } from './styles';
import { followLocale } from './messages';

/** Files left from an earlier page are sent even when the visitor never opens the tickets view. */
export { startUploads } from './uploads';

function TicketsApp({ bridge, root }: { bridge: TicketsBridge; root: ShadowRoot | Document }) {
  const route = useStore($route);
  // A new screen puts the keyboard on its heading, so screen readers announce where the visitor is; without
  // scrolling, so an open ticket stays at its newest entry.
  useEffect(() => {
    (root.getElementById('tk-title') as HTMLElement | null)?.focus({ preventScroll: true });
  }, [route]);
  if (route.view === 'ticket') return <TicketScreen ticketId={route.ticketId} server={bridge.server} />;
  if (route.view === 'new') return <TicketForm context={bridge.context} />;
  return <TicketList />;
}

function addStyles(root: ShadowRoot | Document): void {
  const parent = 'host' in root ? root : document.head;
  if (parent.querySelector('style[data-cs-tickets]')) return;
  const style = document.createElement('style');
  style.dataset.csTickets = '';
  style.textContent = ticketStyles;
  parent.append(style);
}

function show(route: TicketsRoute): void {
  if (route.view === 'new') startForm(!!route.fromChat, !!route.leaveMessage);
  $route.set(route);
}

export function mountTickets(box: HTMLElement, bridge: TicketsBridge, route: TicketsRoute): MountedTickets {
  const root = box.getRootNode() as ShadowRoot | Document;
  addStyles(root);
  const unfollow = followLocale(bridge.locale, bridge.onLocale);
  const disconnect = connect(bridge);
  show(route);
  render(<TicketsApp bridge={bridge} root={root} />, box);
  return {
    navigate: show,
    unmount() {
      disconnect();
      unfollow();
      render(null, box);
    },
  };
}
