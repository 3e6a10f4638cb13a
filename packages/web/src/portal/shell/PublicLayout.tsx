import '../portal.css';
import { type ReactNode, use, useEffect } from 'react';
import { Link, NavLink } from 'react-router';
import { languageReady, setLanguage, syncLanguage, useT } from '../i18n';
import { useHealth } from '../publicApi';

const LINKS = [
  ['/search', 'pub.nav.search'],
  ['/catalogue', 'pub.nav.catalogue'],
  ['/inspections', 'pub.nav.inspections'],
  ['/lists', 'pub.nav.lists'],
  ['/open-data', 'pub.nav.openData'],
  ['/complaints', 'pub.nav.complaint'],
  ['/complaints/track', 'pub.nav.track'],
] as const;

/** The portal's sections, as plain links (keyboard and screen-reader friendly; wraps on a phone). */
function PortalNav() {
  const { t } = useT();
  return (
    <nav aria-label={t('pub.nav.label')} className="wj-pub-nav">
      <ul>
        {LINKS.map(([to, key]) => (
          <li key={to}>
            <NavLink to={to} end>
              {t(key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Switches between Chinese and English; the label is written in the language it switches to. */
function LanguageButton() {
  const { t, lang } = useT();
  const next = lang === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      className="wj-pub-lang"
      lang={next}
      aria-label={t('pub.shell.switchAria')}
      onClick={() => void setLanguage(next)}
    >
      <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm7.93 9h-3.02a15.6 15.6 0 0 0-1.3-5.41A8 8 0 0 1 19.93 11zM12 4.1c.9 1.3 1.7 3.6 1.9 6.9h-3.8c.2-3.3 1-5.6 1.9-6.9zM8.39 5.59A15.6 15.6 0 0 0 7.09 11H4.07a8 8 0 0 1 4.32-5.41zM4.07 13h3.02a15.6 15.6 0 0 0 1.3 5.41A8 8 0 0 1 4.07 13zM12 19.9c-.9-1.3-1.7-3.6-1.9-6.9h3.8c-.2 3.3-1 5.6-1.9 6.9zm3.61-1.49A15.6 15.6 0 0 0 16.91 13h3.02a8 8 0 0 1-4.32 5.41z"
        />
      </svg>
      {t('pub.shell.switchLabel')}
    </button>
  );
}

function Footer() {
  const { t } = useT();
  const health = useHealth();
  return (
    <footer className="wj-pub-footer">
      <span>{t('pub.shell.documentTitle')}</span>
      <span aria-hidden="true"> · </span>
      <span>
        {health.data
          ? t('footer.version', { version: health.data.version })
          : health.isError && t('footer.statusUnknown')}
      </span>
      <span aria-hidden="true"> · </span>
      <span>{t('footer.license')}</span>
    </footer>
  );
}

/**
 * The public pages' shell: skip link, header (brand, staff sign-in, language), section links, the main
 * landmark and a footer with the running version. Plain HTML and portal.css: no component library.
 */
export function PublicLayout({ children, nav = true }: { children: ReactNode; nav?: boolean }) {
  use(languageReady);
  const { t } = useT();
  useEffect(() => {
    void syncLanguage();
  }, []);
  return (
    <div className="wj-pub">
      <a className="wj-pub-skip" href="#main">
        {t('pub.shell.skipToContent')}
      </a>
      <header className="wj-pub-header">
        <Link to="/" className="wj-pub-brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>{t('pub.shell.name')}</span>
          <span className="wj-pub-brand-sub">{t('pub.shell.platform')}</span>
        </Link>
        <span className="wj-pub-spacer" />
        <Link to="/console/login" className="wj-pub-header-link">
          {t('portal.staffSignIn')}
        </Link>
        <LanguageButton />
      </header>
      <main id="main" tabIndex={-1} className="wj-pub-main">
        {nav && <PortalNav />}
        {children}
      </main>
      <Footer />
    </div>
  );
}
