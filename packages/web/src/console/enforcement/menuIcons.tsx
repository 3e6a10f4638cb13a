import { type Icon, Svg } from '../../ui/icons';

// Menu icons of the enforcement pages, drawn like those of ui/icons.tsx: decorative, next to visible
// text, hidden from assistive technology.

/** A speech bubble with an exclamation mark: 投诉举报. */
export const ComplaintsIcon: Icon = () => (
  <Svg d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 1-2zm7 3v6h2V6h-2zm0 8v2h2v-2h-2z" />
);

/** A magnifier: 线索. */
export const LeadsIcon: Icon = () => (
  <Svg d="M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10z" />
);

/** A gavel: 案件. */
export const CasesIcon: Icon = () => (
  <Svg d="M14.3 2.3l5.4 5.4-2.1 2.1-1.1-1.1-3.2 3.2 1.1 1.1-2.1 2.1-5.4-5.4 2.1-2.1 1.1 1.1 3.2-3.2-1.1-1.1 2.1-2.1zM8.5 13.8l1.7 1.7-6 6-1.7-1.7 6-6zM13 19h9v2h-9v-2z" />
);

/** A notice board: 执法公示. */
export const PublicationsIcon: Icon = () => (
  <Svg d="M3 4h18v12H13v2h3v2H8v-2h3v-2H3V4zm2 2v8h14V6H5zm2 2h10v2H7V8zm0 3h6v2H7v-2z" />
);

/** An arrow leaving a box: 移送. */
export const ReferralsIcon: Icon = () => (
  <Svg d="M4 4h9v2H6v12h7v2H4V4zm12.6 3.4L21.2 12l-4.6 4.6-1.4-1.4 2.2-2.2H10v-2h7.4l-2.2-2.2 1.4-1.4z" />
);

/** A checked calendar: 处罚后复查. */
export const ReinspectionsIcon: Icon = () => (
  <Svg d="M7 2h2v2h6V2h2v2h3v16H4V4h3V2zM6 8v10h12V8H6zm4.5 8.1l-2.8-2.8 1.4-1.4 1.4 1.4 3.8-3.8 1.4 1.4-5.2 5.2z" />
);
