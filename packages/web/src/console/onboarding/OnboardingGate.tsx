import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useCurrentUser } from '../../api/auth';
import { needsOnboarding } from '../../api/identity';

/**
 * Sends a staff user who must still change the password or (administrators) enrol the second
 * factor to /console/onboarding: until then the server answers 403 to nearly every console route.
 * Everything else (not signed in, institution users, errors) is left to the console's own guard.
 */
export default function OnboardingGate({ children }: { children: ReactNode }) {
  const me = useCurrentUser();
  if (me.data?.kind === 'staff' && needsOnboarding(me.data)) {
    return <Navigate to="/console/onboarding" replace />;
  }
  return children;
}
