import { type Icon, Svg } from '../../ui/icons';

// Menu icons of the credit pages, drawn like those of ui/icons.tsx: decorative, next to visible
// text, hidden from assistive technology.

/** Rising bars: 风险分级. */
export const RiskIcon: Icon = () => (
  <Svg d="M3 20h18v2H3v-2zm1-6h3v5H4v-5zm5-4h3v9H9v-9zm5-4h3v13h-3V6zm5-4h3v17h-3V2z" />
);

/** A circle struck through: 黑名单. */
export const BlacklistIcon: Icon = () => (
  <Svg d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm0 2a8 8 0 0 0-6.3 12.9L16.9 5.7A8 8 0 0 0 12 4zm6.3 3.1L7.1 18.3A8 8 0 0 0 18.3 7.1z" />
);

/** A bell: 风险预警. */
export const AlertIcon: Icon = () => (
  <Svg d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z" />
);

/** A wave on a screen: 监测数据. */
export const MonitoringIcon: Icon = () => (
  <Svg d="M3 4h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1h-7v2h3v2H7v-2h3v-2H3a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zm1 2v10h16V6H4zm1 6h3l2-4 3 6 2-3h3v1.5h-2.2L14 16.5l-3-6-1.1 2.5H5V12z" />
);

/** A sliders panel: 规则. */
export const RulesIcon: Icon = () => (
  <Svg d="M4 5h9v2H4V5zm13 0h3v2h-3v1.5h-2v-5h2V5zM4 11h3v2H4v-2zm7 0h9v2h-9v1.5H9v-5h2V11zM4 17h9v2H4v-2zm13 0h3v2h-3v1.5h-2v-5h2V17z" />
);
