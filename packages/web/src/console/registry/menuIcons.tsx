import { type Icon, Svg } from '../../ui/icons';

// Menu icons of the registry pages, drawn like those of ui/icons.tsx: decorative, next to visible
// text, hidden from assistive technology.

/** A building with a cross: 监管对象. */
export const EstablishmentsIcon: Icon = () => (
  <Svg d="M4 21V5a1 1 0 0 1 1-1h9a1 1 0 0 1 1 1v4h4a1 1 0 0 1 1 1v11h2v2H2v-2h2zm2 0h3v-4h3v4h1V6H6v15zm9 0h3v-9h-3v9zM8.5 8h2v1.5H12v2h-1.5V13h-2v-1.5H7v-2h1.5V8z" />
);

/** A person with a badge: 医务人员. */
export const PractitionersIcon: Icon = () => (
  <Svg d="M12 2a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9zm0 11c4.4 0 8 2.2 8 5v3H4v-3c0-2.8 3.6-5 8-5zm3 3v1.5h-1.5V19H15v1.5h1.5V19H18v-1.5h-1.5V16H15z" />
);

/** A sheet with an arrow in: 批量导入. */
export const ImportIcon: Icon = () => (
  <Svg d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8l-6-6zm-1 7V3.5L18.5 9H13zm-2 2h2v4h2.5L12 18.5 8.5 15H11v-4z" />
);

/** A book with a check: 合规指引. */
export const GuidesIcon: Icon = () => (
  <Svg d="M6 2h12a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm0 2v16h12V4H6zm9.3 4.3 1.4 1.4-5.2 5.2-3.2-3.2 1.4-1.4 1.8 1.8 3.8-3.8z" />
);
