import type { HttpStart } from '../../../../core/public';
import { LOGGED_OUT_MESSAGE, LOGIN_APP_ROUTE } from '../login/next_url';
import type { BrowserLocation } from '../types';

/**
 * Ends the session on the server, then loads the login page. A failed logout call still leads there: the
 * session is already gone (a 401) or the server cannot be reached, and a new login replaces the session.
 */
export async function logout(http: Pick<HttpStart, 'post' | 'basePath'>, location: Pick<BrowserLocation, 'assign'>) {
  try {
    await http.post('/api/security/logout');
  } catch {
    // See above: the login page is the answer either way.
  }
  location.assign(`${http.basePath.prepend(LOGIN_APP_ROUTE)}?msg=${LOGGED_OUT_MESSAGE}`);
}
