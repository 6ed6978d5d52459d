// The Available switch keeps the agent's new choice while it is being saved, even if a session restarts meanwhile.
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentView } from '../../../shared/model';
import { $me } from './me';
import { $presence, withPendingChoice } from './presence';

const agent = (available: boolean): AgentView => ({
  id: 'a-1',
  email: 'lin@example.com',
  name: 'Lin',
  role: 'agent',
  tier: 'L1',
  capacity: 3,
  available,
});

describe('withPendingChoice', () => {
  afterEach(() => {
    $me.set(null);
    $presence.set({ saving: false, error: null });
  });

  it('keeps the switch where the agent put it while the change is being saved', () => {
    $me.set(agent(true));
    $presence.set({ saving: true, error: null });
    expect(withPendingChoice(agent(false)).available).toBe(true);
  });

  it('takes the server state when nothing is being saved', () => {
    $me.set(agent(true));
    expect(withPendingChoice(agent(false)).available).toBe(false);
  });
});
