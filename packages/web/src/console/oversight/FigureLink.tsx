import { Link } from 'react-router';

/** One figure of the dashboard: the number, what it counts, and a link to the records behind it. */
export function FigureLink({
  value,
  label,
  to,
  tone,
  hint,
}: {
  value: number | string;
  label: string;
  to: string;
  tone?: 'warn' | 'good' | undefined;
  hint?: string | undefined;
}) {
  return (
    <Link
      to={to}
      className={`wj-figure${tone ? ` wj-figure-${tone}` : ''}`}
      aria-label={`${label}: ${value}`}
    >
      <span className="wj-figure-value">{value}</span>
      <span className="wj-figure-label">{label}</span>
      {hint && <span className="wj-figure-hint">{hint}</span>}
    </Link>
  );
}
