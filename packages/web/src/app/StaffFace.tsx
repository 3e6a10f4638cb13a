import '../i18n';
import './global.css';
import './pages.css';
import { Suspense, useEffect } from 'react';
import { Outlet } from 'react-router';
import { currentLanguage, switchLanguage } from '../i18n';
import { PageLoading } from '../ui/PageLoading';
import { Providers } from './Providers';

/**
 * The staff and institution faces (/console, /my): their i18n, Ant Design theme, query cache and
 * styles, loaded only when one of their addresses is opened. The public portal never fetches this.
 */
export default function StaffFace() {
  // The public pages have their own translator: follow a language chosen there since the last visit.
  useEffect(() => {
    let stored: string | null = null;
    try {
      stored = localStorage.getItem('wj.lang');
    } catch {
      // Storage unavailable: nothing was chosen elsewhere.
    }
    const wanted = stored === 'en' ? 'en' : 'zh-CN';
    if (wanted !== currentLanguage()) void switchLanguage(wanted);
  }, []);
  return (
    <Providers>
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </Providers>
  );
}
