// The console's sections, in menu order. A feature adds its section here; roles limit who sees it.
import type { ComponentType } from 'preact';
import type { AgentRole, AgentView } from '../../../shared/model';
import { AccountSection } from './account/AccountSection';
import { AdminView } from './admin/AdminView';
import { ArticlesSection } from './articles/ArticlesSection';
import { SupervisorView } from './SupervisorView';
import { Workspace } from './Workspace';
import { MonitoringSection } from './monitoring/MonitoringSection';
import { TicketSettings } from './tickets/TicketSettings';
import { TicketsSection } from './tickets/TicketsSection';
import { DeskSection } from './desk/DeskSection';
import { PlansSection } from './plans/PlansSection';
import { ReportsSection } from './reports/ReportsSection';

export interface Section {
  id: string;
  label: string;
  /** Who may open it; everyone when absent. */
  roles?: AgentRole[];
  /** Also open to account managers (their tier), whatever their role. */
  accountManagers?: boolean;
  /** The section draws its own level-one heading; the others get a hidden one naming them (SectionTitle). */
  titled?: boolean;
  view: ComponentType;
}

export const SECTIONS: Section[] = [
  { id: 'inbox', label: 'Inbox', view: Workspace },
  { id: 'tickets', label: 'Tickets', view: TicketsSection },
  { id: 'articles', label: 'Articles', titled: true, view: ArticlesSection },
  { id: 'monitoring', label: 'Monitoring', titled: true, view: MonitoringSection },
  { id: 'desk', label: 'Desk', roles: ['supervisor', 'admin'], accountManagers: true, titled: true, view: DeskSection },
  { id: 'reports', label: 'Reports', roles: ['supervisor', 'admin'], accountManagers: true, titled: true, view: ReportsSection },
  { id: 'supervisor', label: 'Supervisor', roles: ['supervisor', 'admin'], titled: true, view: SupervisorView },
  { id: 'admin', label: 'Admin', roles: ['admin'], titled: true, view: AdminView },
  { id: 'plans', label: 'Plans', roles: ['admin'], titled: true, view: PlansSection },
  { id: 'ticket-settings', label: 'Ticket settings', roles: ['admin'], view: TicketSettings },
  { id: 'account', label: 'Account', titled: true, view: AccountSection },
];

export const sectionsFor = ({ role, tier }: Pick<AgentView, 'role' | 'tier'>): Section[] =>
  SECTIONS.filter((s) => !s.roles || s.roles.includes(role) || (s.accountManagers && tier === 'account_manager'));
