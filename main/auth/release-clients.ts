/**
 * The OAuth client ids built into a release. A release build writes this file from its signing environment
 * (the ids of the publisher's Google Cloud and Entra registrations); a source checkout has none, so live sign-in
 * there needs Settings, a deployment file or the developer variables (docs/live-mode.md).
 */
import type { OAuthClients } from './oauth-clients';

/** Empty in source: no client is built into this checkout. */
export const releaseOAuthClients: OAuthClients = {};
