import { type Icon, Svg } from '../../ui/icons';

// Menu icons of the random-inspection pages, drawn like those of ui/icons.tsx: decorative, next to
// visible text, hidden from assistive technology.

/** Two dice: 双随机抽查计划. */
export const CampaignsIcon: Icon = () => (
  <Svg d="M4 3h9a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zm2.5 2a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm4 4a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zM16 9h4a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H10a1 1 0 0 1-1-1v-4h2v3h8v-8h-3V9zm1.5 7.5a1.5 1.5 0 1 0 0 .01z" />
);

/** A clipboard with a tick: 检查任务. */
export const TasksIcon: Icon = () => (
  <Svg d="M9 2h6a1 1 0 0 1 1 1v1h3a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3V3a1 1 0 0 1 1-1zm1 2v2h4V4h-4zm-4 2v14h12V6h-2v2H8V6H6zm9.3 4.3 1.4 1.4-5.7 5.7-3.2-3.2 1.4-1.4 1.8 1.8 4.3-4.3z" />
);

/** A badge: 执法人员. */
export const InspectorsIcon: Icon = () => (
  <Svg d="M12 2 20 5v6c0 5-3.4 9.4-8 11-4.6-1.6-8-6-8-11V5l8-3zm0 5a3 3 0 1 0 0 6 3 3 0 0 0 0-6zm0 8c-2.2 0-4 1-4.6 2.4A8.7 8.7 0 0 0 12 20a8.7 8.7 0 0 0 4.6-2.6C16 16 14.2 15 12 15z" />
);

/** A list with check boxes: 检查表. */
export const ChecklistsIcon: Icon = () => (
  <Svg d="M3 4h4v4H3V4zm1 1v2h2V5H4zm6 0h11v2H10V5zM3 10h4v4H3v-4zm1 1v2h2v-2H4zm6 0h11v2H10v-2zm-7 5h4v4H3v-4zm1 1v2h2v-2H4zm6 0h11v2H10v-2z" />
);

/** Bars over a baseline: 抽查统计. */
export const FiguresIcon: Icon = () => (
  <Svg d="M3 20h18v2H3v-2zm2-8h3v6H5v-6zm5-5h3v11h-3V7zm5 3h3v8h-3v-8zM5 4h3v2H5V4z" />
);
