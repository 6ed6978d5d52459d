// The widget's root: the panel while open, and the launcher that focus returns to when it closes.
import { useStore } from '@nanostores/preact';
import { useRef } from 'preact/hooks';
import { $panelReady, preparePanel } from './panel-ready';
import { $open, closePanel } from '../state/ui';
import { Launcher } from './Launcher';
import { Panel } from './Panel';

export function App() {
  const open = useStore($open);
  const launcher = useRef<HTMLButtonElement>(null);
  const hide = () => {
    closePanel();
    launcher.current?.focus();
  };
  return (
    <>
      {open && <PanelWhenReady onHide={hide} />}
      <Launcher buttonRef={launcher} />
    </>
  );
}

/** The panel shows once its words and styles are here (see panel-ready.ts). */
function PanelWhenReady({ onHide }: { onHide: () => void }) {
  preparePanel();
  const ready = useStore($panelReady);
  return ready ? <Panel onHide={onHide} /> : <section class="panel" aria-busy="true" />;
}
