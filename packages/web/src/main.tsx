import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

// The entry holds only React and the router: each face (portal pages, console, institution portal)
// brings its own i18n, styles and libraries in its lazy chunks (see app/App.tsx).

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
