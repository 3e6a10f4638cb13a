// A few decorative line icons for the console menu and header (antd's icon package is not a direct
// dependency). Every use sits next to visible text or an aria-label, so the icons are hidden from
// assistive technology.

/** A 24×24 single-path icon; every module's menu icons are drawn with it. */
export function Svg({ d }: { d: string }) {
  return (
    <span className="anticon wj-icon">
      <svg
        viewBox="0 0 24 24"
        width="1em"
        height="1em"
        focusable="false"
        fill="currentColor"
        aria-hidden="true"
      >
        <path d={d} />
      </svg>
    </span>
  );
}

export type Icon = () => React.ReactElement;

export const DashboardIcon: Icon = () => (
  <Svg d="M3 13h8V3H3v10zm0 8h8v-6H3v6zm10 0h8V11h-8v10zm0-18v6h8V3h-8z" />
);

export const RegionIcon: Icon = () => (
  <Svg d="M12 2a7 7 0 0 0-7 7c0 5.25 7 13 7 13s7-7.75 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z" />
);

export const ProfileIcon: Icon = () => (
  <Svg d="M12 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zm0 2c-3.34 0-10 1.67-10 5v3h20v-3c0-3.33-6.66-5-10-5z" />
);

export const MenuIcon: Icon = () => <Svg d="M3 6h18v2H3V6zm0 5h18v2H3v-2zm0 5h18v2H3v-2z" />;

export const SignOutIcon: Icon = () => (
  <Svg d="M10 17v-3H3v-4h7V7l5 5-5 5zm2-15h7a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2h-7v-2h7V4h-7V2z" />
);

export const CalendarIcon: Icon = () => (
  <Svg d="M7 2h2v2h6V2h2v2h3a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3V2zm12 8H5v9h14v-9zM5 6v2h14V6H5z" />
);
