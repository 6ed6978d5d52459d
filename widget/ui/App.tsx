// The widget's root: the panel while open, and the launcher that focus returns to when it closes.
import { useStore } from '@nanostores/preact';
import { useRef } from 'preact/hooks';
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
      {open && <Panel onHide={hide} />}
      <Launcher buttonRef={launcher} />
    </>
  );
}
