import { type Icon, Svg } from '../../ui/icons';

// Menu icons of the licensing pages, drawn like those of ui/icons.tsx: decorative, next to visible text.

/** A tray with a clock hand: 许可办理. */
export const LicensingInboxIcon: Icon = () => (
  <Svg d="M3 13h5l1.5 3h5L16 13h5v7a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-7zm9-11a5 5 0 1 1 0 10 5 5 0 0 1 0-10zm-.8 2v3.6l2.8 1.7.8-1.3-2.1-1.3V4h-1.5z" />
);

/** A certificate with a seal: 许可证. */
export const LicensesIcon: Icon = () => (
  <Svg d="M4 3h16a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1h-3v4l-2.5-1.5L12 21v-4H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zm2 3v2h12V6H6zm0 4v2h7v-2H6zm9.5 1a2 2 0 1 0 0 4 2 2 0 0 0 0-4z" />
);

/** A list with ticks: 事项清单. */
export const CatalogueIcon: Icon = () => (
  <Svg d="M3 5l1.5-1.5L6 5l3-3 1.5 1.5L6 8 3 5zm9-1h9v2h-9V4zM3 12l1.5-1.5L6 12l3-3 1.5 1.5L6 15l-3-3zm9-1h9v2h-9v-2zm-8 7h5v2H4v-2zm8 0h9v2h-9v-2z" />
);
