import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Messages } from '../i18n/zh-CN';
import { CalendarIcon, DashboardIcon, type Icon, ProfileIcon, RegionIcon } from '../ui/icons';
import { AlertIcon, BlacklistIcon, MonitoringIcon, RiskIcon, RulesIcon } from './credit/menuIcons';
import {
  CasesIcon,
  ComplaintsIcon,
  LeadsIcon,
  PublicationsIcon,
  ReferralsIcon,
  ReinspectionsIcon,
} from './enforcement/menuIcons';
import {
  CampaignsIcon,
  ChecklistsIcon,
  FiguresIcon,
  InspectorsIcon,
  TasksIcon,
} from './inspection/menuIcons';
import { CatalogueIcon, LicensesIcon, LicensingInboxIcon } from './licensing/menuIcons';
import { EstablishmentsIcon, GuidesIcon, ImportIcon, PractitionersIcon } from './registry/menuIcons';
import { AuditIcon, RolesIcon, UnitsIcon, UsersIcon } from './users/menuIcons';

/**
 * The console's registry. A new module adds one entry here, its label under `menu` in both
 * language files, and its folder src/console/<module>/ with a default-exported page. A page may
 * have pages of its own below its path (a list and its detail pages): they are its own routes.
 */
export interface ConsoleMenuEntry {
  key: string;
  label: `menu.${keyof Messages['menu']}`;
  /** Relative to /console ('' is the console's home). */
  path: string;
  icon: Icon;
  /** The permission the user needs to see the entry and open its page; null = every staff user. */
  permission: string | null;
  page: LazyExoticComponent<ComponentType>;
}

export const consoleMenu: ConsoleMenuEntry[] = [
  {
    key: 'home',
    label: 'menu.home',
    path: '',
    icon: DashboardIcon,
    permission: null,
    page: lazy(() => import('./home/HomePage')),
  },
  {
    key: 'oversight',
    label: 'menu.oversight',
    path: 'oversight',
    icon: DashboardIcon,
    permission: 'oversight.read',
    page: lazy(() => import('./oversight/OversightPage')),
  },
  {
    key: 'regions',
    label: 'menu.regions',
    path: 'regions',
    icon: RegionIcon,
    permission: null,
    page: lazy(() => import('./regions/RegionsPage')),
  },
  {
    key: 'establishments',
    label: 'menu.establishments',
    path: 'registry/establishments',
    icon: EstablishmentsIcon,
    permission: 'registry.read',
    page: lazy(() => import('./registry/establishments/EstablishmentsPage')),
  },
  {
    key: 'practitioners',
    label: 'menu.practitioners',
    path: 'registry/practitioners',
    icon: PractitionersIcon,
    permission: 'registry.read',
    page: lazy(() => import('./registry/practitioners/PractitionersPage')),
  },
  {
    key: 'registry-import',
    label: 'menu.registryImport',
    path: 'registry/import',
    icon: ImportIcon,
    permission: 'registry.import',
    page: lazy(() => import('./registry/import/ImportPage')),
  },
  {
    key: 'guides',
    label: 'menu.guides',
    path: 'registry/guides',
    icon: GuidesIcon,
    permission: 'registry.read',
    page: lazy(() => import('./registry/guides/GuidesPage')),
  },
  {
    key: 'credit-risk',
    label: 'menu.creditRisk',
    path: 'credit/establishments',
    icon: RiskIcon,
    permission: 'credit.read',
    page: lazy(() => import('./credit/CreditRiskPage')),
  },
  {
    key: 'credit-alerts',
    label: 'menu.creditAlerts',
    path: 'credit/alerts',
    icon: AlertIcon,
    permission: 'credit.read',
    page: lazy(() => import('./credit/AlertsPage')),
  },
  {
    key: 'credit-blacklist',
    label: 'menu.creditBlacklist',
    path: 'credit/blacklist',
    icon: BlacklistIcon,
    permission: 'credit.read',
    page: lazy(() => import('./credit/BlacklistPage')),
  },
  {
    key: 'credit-monitoring',
    label: 'menu.creditMonitoring',
    path: 'credit/monitoring',
    icon: MonitoringIcon,
    permission: 'credit.read',
    page: lazy(() => import('./credit/MonitoringPage')),
  },
  {
    key: 'credit-rules',
    label: 'menu.creditRules',
    path: 'credit/rules',
    icon: RulesIcon,
    permission: 'credit.read',
    page: lazy(() => import('./credit/RulesPage')),
  },
  {
    key: 'campaigns',
    label: 'menu.campaigns',
    path: 'inspection/campaigns',
    icon: CampaignsIcon,
    permission: 'inspection.read',
    page: lazy(() => import('./inspection/CampaignsPage')),
  },
  {
    key: 'inspection-tasks',
    label: 'menu.inspectionTasks',
    path: 'inspection/tasks',
    icon: TasksIcon,
    permission: 'inspection.read',
    page: lazy(() => import('./inspection/TasksPage')),
  },
  {
    key: 'inspectors',
    label: 'menu.inspectors',
    path: 'inspection/inspectors',
    icon: InspectorsIcon,
    permission: 'inspection.read',
    page: lazy(() => import('./inspection/InspectorsPage')),
  },
  {
    key: 'checklists',
    label: 'menu.checklists',
    path: 'inspection/checklists',
    icon: ChecklistsIcon,
    permission: 'inspection.read',
    page: lazy(() => import('./inspection/ChecklistsPage')),
  },
  {
    key: 'inspection-figures',
    label: 'menu.inspectionFigures',
    path: 'inspection/figures',
    icon: FiguresIcon,
    permission: 'inspection.read',
    page: lazy(() => import('./inspection/FiguresPage')),
  },
  {
    key: 'enforcement-complaints',
    label: 'menu.enforcementComplaints',
    path: 'enforcement/complaints',
    icon: ComplaintsIcon,
    permission: 'complaint.read',
    page: lazy(() => import('./enforcement/ComplaintsPage')),
  },
  {
    key: 'enforcement-leads',
    label: 'menu.enforcementLeads',
    path: 'enforcement/leads',
    icon: LeadsIcon,
    permission: 'enforcement.read',
    page: lazy(() => import('./enforcement/LeadsPage')),
  },
  {
    key: 'enforcement-cases',
    label: 'menu.enforcementCases',
    path: 'enforcement/cases',
    icon: CasesIcon,
    permission: 'enforcement.read',
    page: lazy(() => import('./enforcement/CasesPage')),
  },
  {
    key: 'enforcement-referrals',
    label: 'menu.enforcementReferrals',
    path: 'enforcement/referrals',
    icon: ReferralsIcon,
    permission: 'enforcement.read',
    page: lazy(() => import('./enforcement/ReferralsPage')),
  },
  {
    key: 'enforcement-publications',
    label: 'menu.enforcementPublications',
    path: 'enforcement/publications',
    icon: PublicationsIcon,
    permission: 'enforcement.read',
    page: lazy(() => import('./enforcement/PublicationsPage')),
  },
  {
    key: 'enforcement-reinspections',
    label: 'menu.enforcementReinspections',
    path: 'enforcement/reinspections',
    icon: ReinspectionsIcon,
    permission: 'enforcement.read',
    page: lazy(() => import('./enforcement/ReinspectionsPage')),
  },
  {
    key: 'licensing-inbox',
    label: 'menu.licensingInbox',
    path: 'licensing/applications',
    icon: LicensingInboxIcon,
    permission: 'licensing.read',
    page: lazy(() => import('./licensing/ApplicationsPage')),
  },
  {
    key: 'licensing-licenses',
    label: 'menu.licensingLicenses',
    path: 'licensing/licenses',
    icon: LicensesIcon,
    permission: 'licensing.read',
    page: lazy(() => import('./licensing/LicensesPage')),
  },
  {
    key: 'licensing-catalogue',
    label: 'menu.licensingCatalogue',
    path: 'licensing/catalogue',
    icon: CatalogueIcon,
    permission: 'licensing.read',
    page: lazy(() => import('./licensing/CataloguePage')),
  },
  {
    key: 'licensing-report',
    label: 'menu.licensingReport',
    path: 'licensing/report',
    icon: FiguresIcon,
    permission: 'licensing.report.read',
    page: lazy(() => import('./licensing/ReportPage')),
  },
  {
    key: 'arrangements',
    label: 'menu.arrangements',
    path: 'calendar/arrangements',
    icon: CalendarIcon,
    permission: 'calendar.arrangement.manage',
    page: lazy(() => import('./calendar/HolidayArrangementsPage')),
  },
  {
    key: 'users',
    label: 'menu.users',
    path: 'users',
    icon: UsersIcon,
    permission: 'identity.user.read',
    page: lazy(() => import('./users/UsersPage')),
  },
  {
    key: 'roles',
    label: 'menu.roles',
    path: 'roles',
    icon: RolesIcon,
    permission: 'identity.role.manage',
    page: lazy(() => import('./roles/RolesPage')),
  },
  {
    key: 'units',
    label: 'menu.units',
    path: 'units',
    icon: UnitsIcon,
    permission: 'identity.unit.manage',
    page: lazy(() => import('./units/UnitsPage')),
  },
  {
    key: 'audit',
    label: 'menu.audit',
    path: 'audit',
    icon: AuditIcon,
    permission: 'identity.audit.read',
    page: lazy(() => import('./audit/AuditPage')),
  },
  {
    key: 'profile',
    label: 'menu.profile',
    path: 'profile',
    icon: ProfileIcon,
    permission: null,
    page: lazy(() => import('./profile/ProfilePage')),
  },
];

export const consolePath = (entry: ConsoleMenuEntry) => (entry.path ? `/console/${entry.path}` : '/console');
