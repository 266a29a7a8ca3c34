/**
 * Google's production endpoints, apart from google-account.ts: the agent needs them at start to describe the live
 * environment, without loading google-auth-library before a Google account is used.
 */

/** Google's production endpoints, for the composition root to merge with the app's client id. */
export const googleProductionEndpoints = {
  auth_url: 'https://accounts.google.com/o/oauth2/v2/auth',
  token_url: 'https://oauth2.googleapis.com/token',
  revoke_url: 'https://oauth2.googleapis.com/revoke',
} as const;
