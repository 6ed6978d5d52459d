// The console's sections, in menu order. A feature adds its section here; roles limit who sees it.
import type { ComponentType } from 'preact';
import type { AgentRole } from '../../../shared/model';
import { AccountSection } from './account/AccountSection';
import { AdminView } from './admin/AdminView';
import { ArticlesSection } from './articles/ArticlesSection';
import { SupervisorView } from './SupervisorView';
import { Workspace } from './Workspace';
import { MonitoringSection } from './monitoring/MonitoringSection';
import { TicketSettings } from './tickets/TicketSettings';
import { TicketsSection } from './tickets/TicketsSection';

export interface Section {
  id: string;
  label: string;
  /** Who may open it; everyone when absent. */
  roles?: AgentRole[];
  view: ComponentType;
}

export const SECTIONS: Section[] = [
  { id: 'inbox', label: 'Inbox', view: Workspace },
  { id: 'tickets', label: 'Tickets', view: TicketsSection },
  { id: 'articles', label: 'Articles', view: ArticlesSection },
  { id: 'monitoring', label: 'Monitoring', view: MonitoringSection },
  { id: 'supervisor', label: 'Supervisor', roles: ['supervisor', 'admin'], view: SupervisorView },
  { id: 'admin', label: 'Admin', roles: ['admin'], view: AdminView },
  { id: 'ticket-settings', label: 'Ticket settings', roles: ['admin'], view: TicketSettings },
  { id: 'account', label: 'Account', view: AccountSection },
];

export const sectionsFor = (role: AgentRole): Section[] => SECTIONS.filter((s) => !s.roles || s.roles.includes(role));
