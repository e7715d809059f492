/** Names shared by the server and browser halves of the security plugin. */

/** The session cookie. Its value is the opaque session id; the store keeps only its hash. */
export const SESSION_COOKIE_NAME = 'osd_sid';

/** The user every fresh install gets, with the `admin` role. */
export const INITIAL_ADMIN_USERNAME = 'admin';

/** File (inside `path.data`) holding the generated first admin password, mode 0600. */
export const INITIAL_ADMIN_PASSWORD_FILE = 'initial_admin_password';
