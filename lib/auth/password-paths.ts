// Client-safe: the pages where a user sets their password.

/** Where a user with a temporary password is sent before anything else (outside the console shell). */
export const FIRST_PASSWORD_PATH = "/set-password";
/** Where any signed-in user changes their password. */
export const CHANGE_PASSWORD_PATH = "/account/password";
